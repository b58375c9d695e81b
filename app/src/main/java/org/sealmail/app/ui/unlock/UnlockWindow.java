package org.sealmail.app.ui.unlock;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;

/**
 * The window that asks the master password at start (see {@link UnlockViewModel}). The password
 * fields are cleared after every attempt and when the window hides.
 */
public final class UnlockWindow {

    private final UnlockViewModel model;
    private final VBox root;
    private final PasswordField passwordField = new PasswordField();
    private final PasswordField confirmField = new PasswordField();
    private final Button unlockButton;

    /**
     * @param model the view-model
     * @param text the UI strings
     */
    public UnlockWindow(UnlockViewModel model, UiText text) {
        this.model = Objects.requireNonNull(model, "model");
        Label title = new Label(text.get(model.creating() ? "app.unlock.create.title" : "app.unlock.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(text.get(model.creating() ? "app.unlock.create.hint" : "app.unlock.hint"));
        hint.setWrapText(true);
        passwordField.setPromptText(text.get("app.unlock.password"));
        passwordField.setId("masterPasswordField");
        confirmField.setPromptText(text.get("app.unlock.confirm"));
        confirmField.setId("masterConfirmField");
        confirmField.setVisible(model.creating());
        confirmField.setManaged(model.creating());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        unlockButton = new Button(text.get(model.creating() ? "app.unlock.create" : "app.unlock.unlock"));
        unlockButton.setId("unlockButton");
        unlockButton.setDefaultButton(true);
        unlockButton.disableProperty().bind(model.busyProperty());
        unlockButton.setOnAction(event -> submit());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new VBox(10, title, hint, passwordField, confirmField, error, new HBox(8, progress, spacer, unlockButton));
        root.setPadding(new Insets(16));
        root.setPrefWidth(420);
    }

    private void submit() {
        model.unlock(passwordField.getText().toCharArray(), confirmField.getText().toCharArray());
        passwordField.clear();
        confirmField.clear();
    }

    /** @return the window's root node */
    public VBox root() {
        return root;
    }

    /**
     * @param stage the stage to show it on
     * @param theme the theme
     * @param appTitle the window title
     * @return the stage, shown; the fields are cleared when it hides
     */
    public Stage show(Stage stage, Theme theme, String appTitle) {
        Scene scene = new Scene(root);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle(appTitle);
        stage.setOnHidden(event -> {
            passwordField.clear();
            confirmField.clear();
        });
        stage.show();
        passwordField.requestFocus();
        return stage;
    }
}
