package org.sealmail.app.ui.compose;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.web.HTMLEditor;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.html.RemoteContentGate;

/**
 * The composer window (layout {@code compose/ComposeWindow.fxml}) over a {@link ComposeViewModel}:
 * address fields with completion from the store, plain-text or HTML body, attachments by dialog
 * or drag and drop, the protection toggles and template menu, the per-recipient readiness and
 * the list of reasons sending is blocked, draft autosave and send progress.
 */
public final class ComposeWindow {

    /** Seconds between draft autosaves. */
    public static final int AUTOSAVE_SECONDS = 20;

    private final ComposeViewModel model;
    private final UiText text;
    private final String fromAddress;
    private final Timeline autosave;

    @FXML private VBox root;
    @FXML private Button sendButton;
    @FXML private ToggleButton encryptToggle;
    @FXML private ToggleButton doNotForwardToggle;
    @FXML private MenuButton templateMenu;
    @FXML private ToggleButton signToggle;
    @FXML private ToggleButton smimeEncryptToggle;
    @FXML private CheckBox htmlCheck;
    @FXML private Label fromLabel;
    @FXML private TextField toField;
    @FXML private TextField ccField;
    @FXML private TextField bccField;
    @FXML private TextField subjectField;
    @FXML private FlowPane recipientStatus;
    @FXML private VBox rulesBox;
    @FXML private VBox rulesList;
    @FXML private Label protectionLockLabel;
    @FXML private VBox blockedBox;
    @FXML private VBox blockedList;
    @FXML private HBox overrideBox;
    @FXML private TextField overrideField;
    @FXML private FlowPane attachmentsPane;
    @FXML private TextArea plainBody;
    @FXML private HTMLEditor htmlBody;
    @FXML private ProgressBar sendProgress;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;

    /**
     * @param model the composer's view-model
     * @param text the UI strings
     * @param fromAddress the sending account's address
     */
    public ComposeWindow(ComposeViewModel model, UiText text, String fromAddress) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
        this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress");
        RemoteContentGate.install(); // the HTML editor is a WebView too
        FxmlLayouts.load("compose/ComposeWindow.fxml", this, text);
        autosave = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), event -> model.saveDraftIfDirty()));
        autosave.setCycleCount(Timeline.INDEFINITE);
    }

    /** @return the composer's view-model */
    public ComposeViewModel model() {
        return model;
    }

    /** @return the composer's root node */
    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        fromLabel.setText(fromAddress);
        toField.textProperty().bindBidirectional(model.toProperty());
        ccField.textProperty().bindBidirectional(model.ccProperty());
        bccField.textProperty().bindBidirectional(model.bccProperty());
        subjectField.textProperty().bindBidirectional(model.subjectProperty());
        plainBody.textProperty().bindBidirectional(model.bodyProperty());
        htmlCheck.selectedProperty().bindBidirectional(model.htmlProperty());
        model.htmlProperty().addListener((obs, old, html) -> switchFormat(html));
        encryptToggle.selectedProperty().bindBidirectional(model.encryptProperty());
        doNotForwardToggle.selectedProperty().bindBidirectional(model.doNotForwardProperty());
        signToggle.selectedProperty().bindBidirectional(model.signProperty());
        smimeEncryptToggle.selectedProperty().bindBidirectional(model.smimeEncryptProperty());
        setUpTemplateMenu();
        for (TextField field : List.of(toField, ccField, bccField)) {
            bindCompletion(field);
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    model.checkRecipients();
                }
            });
        }
        model.readiness().addListener((ListChangeListener<RecipientReadiness>) change -> renderReadiness());
        model.blockedReasons().addListener((ListChangeListener<String>) change -> renderBlocked());
        setUpRules();
        model.attachments().addListener((ListChangeListener<OutgoingAttachment>) change -> renderAttachments());
        overrideField.textProperty().bindBidirectional(model.overrideReasonProperty());
        overrideBox.visibleProperty().bind(model.overrideRequestedProperty());
        overrideBox.managedProperty().bind(model.overrideRequestedProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        sendProgress.progressProperty().bind(model.progressProperty());
        sendProgress.visibleProperty().bind(model.stateProperty().isEqualTo(ComposeViewModel.SendState.SENDING));
        sendProgress.managedProperty().bind(sendProgress.visibleProperty());
        sendButton.disableProperty().bind(model.stateProperty().isEqualTo(ComposeViewModel.SendState.SENDING)
                .or(model.stateProperty().isEqualTo(ComposeViewModel.SendState.SENT)));
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        root.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                event.getDragboard().getFiles().forEach(file -> model.attach(file.toPath()));
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
        renderAttachments();
    }

    /**
     * The rules that fired (names, actions, sensitive types and counts, as the view-model words
     * them), the lock a rule puts on the protection, and a rules check whenever a field or the
     * body loses the focus.
     */
    private void setUpRules() {
        model.ruleLines().addListener((ListChangeListener<String>) change -> {
            rulesList.getChildren().setAll(model.ruleLines().stream().map(line -> {
                Label label = new Label(line);
                label.setWrapText(true);
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                return label;
            }).toList());
            rulesBox.setVisible(!model.ruleLines().isEmpty());
            rulesBox.setManaged(rulesBox.isVisible());
        });
        protectionLockLabel.textProperty().bind(model.protectionLockProperty());
        protectionLockLabel.visibleProperty().bind(model.protectionLockProperty().isNotEmpty());
        protectionLockLabel.managedProperty().bind(protectionLockLabel.visibleProperty());
        for (javafx.scene.control.Control toggle : List.of(encryptToggle, doNotForwardToggle, smimeEncryptToggle)) {
            toggle.disableProperty().bind(model.templateLockedProperty());
        }
        model.templateLockedProperty().addListener((obs, was, locked) ->
                templateMenu.setDisable(locked || model.customTemplates().isEmpty()));
        signToggle.disableProperty().bind(model.templateLockedProperty().or(model.signLockedProperty()));
        for (javafx.scene.control.Control field : List.of(toField, ccField, bccField, subjectField, plainBody)) {
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    model.checkRules();
                }
            });
        }
    }

    private void setUpTemplateMenu() {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem none = new RadioMenuItem(text.get("compose.templates.none"));
        none.setToggleGroup(group);
        none.setSelected(true);
        none.setOnAction(event -> model.customTemplateProperty().set(null));
        templateMenu.getItems().add(none);
        for (TemplateOption template : model.customTemplates()) {
            RadioMenuItem item = new RadioMenuItem(template.name());
            item.setToggleGroup(group);
            item.setOnAction(event -> model.customTemplateProperty().set(template));
            templateMenu.getItems().add(item);
        }
        model.customTemplateProperty().addListener((obs, old, template) -> {
            templateMenu.setText(template == null ? text.get("compose.templates") : template.name());
            if (template == null) {
                none.setSelected(true);
            }
        });
        templateMenu.setDisable(model.customTemplates().isEmpty());
    }

    /**
     * Completes the address being typed (after the last comma) from the store; ControlsFX runs the
     * look-up in the background and replaces the field's text, so the addresses typed before the
     * last separator are put back.
     */
    private void bindCompletion(TextField field) {
        String[] typedBefore = {""};
        field.setOnKeyTyped(event -> typedBefore[0] = field.getText());
        AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(field,
                request -> model.completions(lastEntry(request.getUserText())));
        binding.setOnAutoCompleted(event -> {
            String typed = typedBefore[0];
            int separator = Math.max(typed.lastIndexOf(','), typed.lastIndexOf(';'));
            String kept = separator < 0 ? "" : typed.substring(0, separator + 1) + " ";
            field.setText(kept + event.getCompletion() + ", ");
            field.positionCaret(field.getText().length());
            typedBefore[0] = field.getText();
        });
        binding.setVisibleRowCount(6);
    }

    private static String lastEntry(String typed) {
        int separator = Math.max(typed.lastIndexOf(','), typed.lastIndexOf(';'));
        return typed.substring(separator + 1);
    }

    private void switchFormat(boolean html) {
        if (html) {
            htmlBody.setHtmlText("<html><body>" + org.jsoup.nodes.Entities.escape(model.bodyProperty().get())
                    .replace("\n", "<br>") + "</body></html>");
            plainBody.textProperty().unbindBidirectional(model.bodyProperty());
        } else {
            model.bodyProperty().set(org.jsoup.Jsoup.parse(htmlBody.getHtmlText()).wholeText());
            plainBody.textProperty().bindBidirectional(model.bodyProperty());
        }
        htmlBody.setVisible(html);
        plainBody.setVisible(!html);
    }

    private void syncHtmlBody() {
        if (model.htmlProperty().get()) {
            model.bodyProperty().set(htmlBody.getHtmlText());
        }
    }

    private void renderReadiness() {
        recipientStatus.getChildren().clear();
        if (!model.protection().encrypts()) {
            return;
        }
        for (RecipientReadiness recipient : model.readiness()) {
            Label label = new Label(text.get("compose.recipient." + recipient.status().name().toLowerCase(Locale.ROOT),
                    recipient.address()));
            label.getStyleClass().add(switch (recipient.status()) {
                case READY -> "recipient-ok";
                case CHECKING -> "recipient-checking";
                default -> "recipient-blocked";
            });
            recipientStatus.getChildren().add(label);
        }
    }

    private void renderBlocked() {
        // "No recipients yet" is shown only after the user tried to send.
        boolean show = !model.blockedReasons().isEmpty() && !model.readiness().isEmpty()
                || !model.errorProperty().get().isEmpty();
        blockedList.getChildren().setAll(model.blockedReasons().stream().map(reason -> {
            Label label = new Label("\u2022 " + reason);
            label.setWrapText(true);
            return label;
        }).toList());
        blockedBox.setVisible(show && !model.blockedReasons().isEmpty());
        blockedBox.setManaged(blockedBox.isVisible());
    }

    private void renderAttachments() {
        attachmentsPane.getChildren().setAll(model.attachments().stream().map(attachment -> {
            Label name = new Label(attachment.fileName() + " (" + org.sealmail.app.ui.Formats.size(attachment.bytes().length) + ")");
            Button remove = new Button(text.get("compose.attachment.remove"));
            remove.setOnAction(event -> model.attachments().remove(attachment));
            HBox chip = new HBox(4, name, remove);
            chip.getStyleClass().add("attachment-chip");
            return chip;
        }).toList());
        attachmentsPane.setVisible(!model.attachments().isEmpty());
        attachmentsPane.setManaged(!model.attachments().isEmpty());
    }

    @FXML
    private void send() {
        syncHtmlBody();
        model.send();
        renderBlocked();
    }

    @FXML
    private void sendWithReason() {
        if (!model.overrideReasonProperty().get().isBlank()) {
            send();
        }
    }

    @FXML
    private void saveDraft() {
        syncHtmlBody();
        model.saveDraft();
    }

    @FXML
    private void attach() {
        FileChooser chooser = new FileChooser();
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            files.forEach(file -> model.attach(file.toPath()));
        }
    }

    /**
     * Opens the composer in its own window; Ctrl+Enter sends, Ctrl+S saves the draft, and the
     * draft autosaves every {@value #AUTOSAVE_SECONDS} seconds while the window is open.
     *
     * @param owner the main window (may be null)
     * @param theme the current theme
     * @return the window, shown
     */
    public Stage show(Window owner, Theme theme) {
        Stage stage = theme.newWindow(owner, root);
        Scene scene = stage.getScene();
        // Filters, not accelerators: they work whatever control has the focus (a focused toggle
        // button would otherwise take the Enter key).
        KeyCombination sendKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        KeyCombination saveKeys = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (sendKeys.match(event)) {
                event.consume();
                send();
            } else if (saveKeys.match(event)) {
                event.consume();
                saveDraft();
            }
        });
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.subjectProperty().get().isBlank() ? text.get("compose.window.title.empty")
                        : text.get("compose.window.title", model.subjectProperty().get()), model.subjectProperty()));
        stage.setOnHidden(event -> {
            autosave.stop();
            model.saveDraftIfDirty();
        });
        autosave.play();
        stage.show();
        model.checkRules();
        return stage;
    }
}
