package org.sealmail.app.ui.rules;

import java.io.File;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;

/**
 * The protection rules editor (layout {@code rules/RulesEditorWindow.fxml}) over a
 * {@link RulesEditorViewModel}: the file's text, Validate and Save, the problem list (selecting a
 * problem selects its line in the text) and the test pane (pasted text or an .eml file).
 */
public final class RulesEditorWindow {

    private final RulesEditorViewModel model;
    private final UiText text;

    @FXML private VBox root;
    @FXML private Button validateButton;
    @FXML private Button saveButton;
    @FXML private Label fileLabel;
    @FXML private TextArea editor;
    @FXML private ListView<RulesEditorViewModel.ProblemItem> problemList;
    @FXML private TextField testRecipientsField;
    @FXML private TextArea testMessageArea;
    @FXML private Button testPastedButton;
    @FXML private Button testFileButton;
    @FXML private ListView<String> testResultList;
    @FXML private Label statusLabel;

    /**
     * @param model the editor's view-model
     * @param text the UI strings
     */
    public RulesEditorWindow(RulesEditorViewModel model, UiText text) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
        FxmlLayouts.load("rules/RulesEditorWindow.fxml", this, text);
    }

    /** @return the editor's root node */
    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        editor.textProperty().bindBidirectional(model.rulesTextProperty());
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> text.get("rules.file", model.fileProperty().get()),
                model.fileProperty()));
        problemList.setItems(model.problems());
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RulesEditorViewModel.ProblemItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.display());
            }
        });
        problemList.getSelectionModel().selectedItemProperty().addListener((obs, old, problem) -> {
            if (problem != null && problem.line() > 0) {
                jumpTo(problem.line());
            }
        });
        testRecipientsField.textProperty().bindBidirectional(model.testRecipientsProperty());
        testMessageArea.textProperty().bindBidirectional(model.testMessageProperty());
        testResultList.setItems(model.testResults());
        testResultList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        statusLabel.textProperty().bind(model.statusProperty());
        for (Button button : new Button[] {validateButton, saveButton, testPastedButton, testFileButton}) {
            button.disableProperty().bind(model.busyProperty());
        }
    }

    private void jumpTo(int line) {
        RulesEditorViewModel.LineRange range = model.lineRange(line);
        editor.requestFocus();
        editor.selectRange(range.start(), range.end());
    }

    @FXML
    private void validate() {
        model.validate();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void testPasted() {
        model.testPastedText();
    }

    @FXML
    private void testFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("rules.test.pick-file.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("rules.test.eml-files"), "*.eml"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.testFile(chosen.toPath());
        }
    }

    /**
     * Opens the editor in its own window and loads the rules file in the background.
     *
     * @param owner the main window (may be null)
     * @param theme the current theme
     * @return the window, shown
     */
    public Stage show(Window owner, Theme theme) {
        Stage stage = theme.newWindow(owner, root);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> text.get(model.modifiedProperty().get()
                ? "rules.window.title.modified" : "rules.window.title"), model.modifiedProperty()));
        stage.show();
        model.load();
        return stage;
    }
}
