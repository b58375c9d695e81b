package org.sealmail.app.ui.setup;

import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.converter.IntegerStringConverter;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;

/**
 * The account setup wizard (layout {@code setup/AccountSetupWizard.fxml}) over an
 * {@link AccountSetupViewModel}: server fields appear only for what autoconfiguration did not find.
 */
public final class AccountSetupWizard {

    private final AccountSetupViewModel model;
    private final UiText text;
    private Runnable onDone = () -> { };

    @FXML private VBox root;
    @FXML private VBox identityPane;
    @FXML private VBox progressPane;
    @FXML private VBox serversPane;
    @FXML private VBox donePane;
    @FXML private TextField nameField;
    @FXML private TextField addressField;
    @FXML private PasswordField passwordField;
    @FXML private Label progressLabel;
    @FXML private Label foundLabel;
    @FXML private Label foundImapLabel;
    @FXML private Label foundSmtpLabel;
    @FXML private GridPane imapGrid;
    @FXML private TextField imapHostField;
    @FXML private TextField imapPortField;
    @FXML private ComboBox<ServerEndpoint.Security> imapSecurityBox;
    @FXML private GridPane smtpGrid;
    @FXML private TextField smtpHostField;
    @FXML private TextField smtpPortField;
    @FXML private ComboBox<ServerEndpoint.Security> smtpSecurityBox;
    @FXML private TextField usernameField;
    @FXML private Label errorLabel;
    @FXML private javafx.scene.control.CheckBox trustCheck;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    /**
     * @param model the wizard's view-model
     * @param text the UI strings
     */
    public AccountSetupWizard(AccountSetupViewModel model, UiText text) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
        FxmlLayouts.load("setup/AccountSetupWizard.fxml", this, text);
    }

    /** @return the wizard's root node */
    public VBox root() {
        return root;
    }

    /**
     * @param action runs when the account was created and the user closes the wizard
     */
    public void setOnDone(Runnable action) {
        this.onDone = Objects.requireNonNull(action, "action");
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        addressField.textProperty().bindBidirectional(model.addressProperty());
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        imapHostField.textProperty().bindBidirectional(model.imapHostProperty());
        smtpHostField.textProperty().bindBidirectional(model.smtpHostProperty());
        bindPort(imapPortField, model.imapPortProperty());
        bindPort(smtpPortField, model.smtpPortProperty());
        for (ComboBox<ServerEndpoint.Security> box : java.util.List.of(imapSecurityBox, smtpSecurityBox)) {
            box.getItems().setAll(ServerEndpoint.Security.values());
            box.setConverter(text.enumLabels("setup.security."));
        }
        imapSecurityBox.valueProperty().bindBidirectional(model.imapSecurityProperty());
        smtpSecurityBox.valueProperty().bindBidirectional(model.smtpSecurityProperty());
        show(imapGrid, model.askImapProperty().get());
        model.askImapProperty().addListener((obs, old, ask) -> show(imapGrid, ask));
        model.askSmtpProperty().addListener((obs, old, ask) -> show(smtpGrid, ask));
        show(smtpGrid, model.askSmtpProperty().get());
        foundLabel.textProperty().bind(model.foundProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        trustCheck.selectedProperty().bindBidirectional(model.trustCertificateProperty());
        model.untrustedFingerprintProperty().addListener((obs, old, fingerprint) -> {
            trustCheck.setText(fingerprint.isEmpty() ? "" : text.get("setup.trust-certificate", fingerprint));
            show(trustCheck, !fingerprint.isEmpty());
        });
        model.stepProperty().addListener((obs, old, step) -> showStep(step));
        showStep(model.stepProperty().get());
    }

    private static void bindPort(TextField field, javafx.beans.property.IntegerProperty port) {
        TextFormatter<Integer> formatter = new TextFormatter<>(new IntegerStringConverter(), port.get(),
                change -> change.getControlNewText().matches("\\d{0,5}") ? change : null);
        field.setTextFormatter(formatter);
        formatter.valueProperty().addListener((obs, old, value) -> port.set(value == null ? 0 : value));
        port.addListener((obs, old, value) -> formatter.setValue(value.intValue()));
    }

    private void showStep(AccountSetupViewModel.Step step) {
        identityPane.setVisible(step == AccountSetupViewModel.Step.IDENTITY);
        progressPane.setVisible(step == AccountSetupViewModel.Step.DISCOVERING || step == AccountSetupViewModel.Step.CREATING);
        serversPane.setVisible(step == AccountSetupViewModel.Step.SERVERS);
        donePane.setVisible(step == AccountSetupViewModel.Step.DONE);
        progressLabel.setText(text.get(step == AccountSetupViewModel.Step.CREATING ? "setup.creating" : "setup.discovering"));
        backButton.setDisable(step != AccountSetupViewModel.Step.SERVERS);
        nextButton.setDisable(step == AccountSetupViewModel.Step.DISCOVERING || step == AccountSetupViewModel.Step.CREATING);
        nextButton.setText(text.get(switch (step) {
            case SERVERS -> "setup.finish";
            case DONE -> "setup.close";
            default -> "setup.next";
        }));
        if (step == AccountSetupViewModel.Step.SERVERS) {
            foundImapLabel.setText(model.askImapProperty().get() ? ""
                    : text.get("setup.servers.found-imap", model.imapHostProperty().get(), model.imapPortProperty().get()));
            foundSmtpLabel.setText(model.askSmtpProperty().get() ? ""
                    : text.get("setup.servers.found-smtp", model.smtpHostProperty().get(), model.smtpPortProperty().get()));
        }
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void next() {
        switch (model.stepProperty().get()) {
            case IDENTITY -> {
                model.setPassword(passwordField.getText().toCharArray());
                model.discover();
            }
            case SERVERS -> model.create();
            case DONE -> {
                onDone.run();
                if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                    stage.close();
                }
            }
            default -> { }
        }
    }

    @FXML
    private void back() {
        model.back();
    }

    /**
     * @param owner the main window (may be null)
     * @param theme the current theme
     * @return the window, shown; the password field and the model's copy are cleared when it hides
     */
    public Stage show(Window owner, Theme theme) {
        Stage stage = theme.newWindow(owner, root);
        stage.setTitle(text.get("setup.window.title"));
        stage.setOnHidden(event -> {
            passwordField.clear();
            model.clearSecrets();
        });
        stage.show();
        return stage;
    }
}
