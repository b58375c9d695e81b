package org.sealmail.app.ui.settings;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.reader.RemoteContentPolicy;

/**
 * The settings window (layout {@code settings/SettingsWindow.fxml}) over a {@link SettingsViewModel}.
 * The PKCS#12 password field is cleared as soon as the dialog closes.
 */
public final class SettingsWindow {

    private final SettingsViewModel model;
    private final UiText text;
    private final DateTimeFormatter dates;

    @FXML private VBox root;
    @FXML private ListView<OwnKey> keyList;
    @FXML private Button importP12Button;
    @FXML private CheckBox keepOldKeysCheck;
    @FXML private TextArea detailsArea;
    @FXML private ListView<CertificateDetails> anchorList;
    @FXML private ComboBox<UiPreferences.DefaultProtection> defaultProtectionBox;
    @FXML private RadioButton remoteAskRadio;
    @FXML private RadioButton remoteNeverRadio;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;

    /**
     * @param model the settings view-model
     * @param text the UI strings
     * @param zone the zone dates are shown in
     */
    public SettingsWindow(SettingsViewModel model, UiText text, ZoneId zone) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
        Locale locale = text.bundle().getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : text.bundle().getLocale();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        FxmlLayouts.load("settings/SettingsWindow.fxml", this, text);
    }

    /** @return the settings' root node */
    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        keyList.setItems(model.ownKeys());
        keyList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OwnKey key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : text.get(key.current() ? "settings.keys.line.current"
                        : "settings.keys.line.old", String.join(", ", key.certificate().addresses()),
                        dates.format(key.certificate().notAfter()), key.certificate().keyAlgorithm()));
            }
        });
        keyList.getSelectionModel().selectedItemProperty().addListener((obs, old, key) ->
                detailsArea.setText(key == null ? "" : describe(key.certificate())));
        anchorList.setItems(model.trustAnchors());
        anchorList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CertificateDetails anchor, boolean empty) {
                super.updateItem(anchor, empty);
                setText(empty || anchor == null ? null : text.get("settings.anchors.line", anchor.subject(),
                        dates.format(anchor.notAfter()), anchor.sha256()));
            }
        });
        keepOldKeysCheck.selectedProperty().bindBidirectional(model.keepOldKeysProperty());
        defaultProtectionBox.getItems().setAll(UiPreferences.DefaultProtection.values());
        defaultProtectionBox.setConverter(text.enumLabels("settings.protection."));
        model.preferencesProperty().addListener((obs, old, preferences) -> showPreferences(preferences));
        showPreferences(model.preferencesProperty().get());
        defaultProtectionBox.setOnAction(event -> {
            UiPreferences.DefaultProtection chosen = defaultProtectionBox.getValue();
            if (chosen != null && chosen != model.preferencesProperty().get().defaultProtection()) {
                model.setDefaultProtection(chosen);
            }
        });
        remoteAskRadio.setOnAction(event -> model.setRemoteContent(RemoteContentPolicy.BLOCK_AND_ASK));
        remoteNeverRadio.setOnAction(event -> model.setRemoteContent(RemoteContentPolicy.BLOCK_ALWAYS));
        messageLabel.textProperty().bind(model.messageProperty());
        errorLabel.textProperty().bind(model.errorProperty());
    }

    private void showPreferences(UiPreferences preferences) {
        defaultProtectionBox.setValue(preferences.defaultProtection());
        remoteAskRadio.setSelected(preferences.remoteContent() == RemoteContentPolicy.BLOCK_AND_ASK);
        remoteNeverRadio.setSelected(preferences.remoteContent() == RemoteContentPolicy.BLOCK_ALWAYS);
    }

    /**
     * @param details a certificate
     * @return the lines of the details pane
     */
    String describe(CertificateDetails details) {
        return String.join("\n",
                text.get("settings.details.subject", details.subject()),
                text.get("settings.details.issuer", details.issuer()),
                text.get("settings.details.serial", details.serialHex()),
                text.get("settings.details.validity", dates.format(details.notBefore()), dates.format(details.notAfter())),
                text.get("settings.details.addresses", String.join(", ", details.addresses())),
                text.get("settings.details.algorithm", details.keyAlgorithm()),
                text.get("settings.details.sha256", details.sha256()),
                text.get("settings.details.sha1", details.sha1()));
    }

    @FXML
    private void importPkcs12() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("settings.keys.filter"), "*.p12", "*.pfx"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        askPassword(file.getName()).ifPresent(password -> model.importPkcs12(file.toPath(), password));
    }

    private Optional<char[]> askPassword(String fileName) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(text.get("settings.keys.password.title"));
        dialog.setHeaderText(text.get("settings.keys.password.header", fileName));
        PasswordField field = new PasswordField();
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        dialog.setOnHidden(event -> field.clear());
        return dialog.showAndWait();
    }

    @FXML
    private void importAnchors() {
        FileChooser chooser = new FileChooser();
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.importTrustAnchors(file.toPath());
        }
    }

    /**
     * @param owner the main window (may be null)
     * @param theme the current theme
     * @return the window, shown
     */
    public Stage show(Window owner, Theme theme) {
        Stage stage = theme.newWindow(owner, root);
        stage.setTitle(text.get("settings.window.title"));
        model.load();
        stage.show();
        return stage;
    }
}
