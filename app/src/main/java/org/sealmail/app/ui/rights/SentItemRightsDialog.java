package org.sealmail.app.ui.rights;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sealmail.app.ui.UiText;

/**
 * A small dialog off the message list's context menu for a sent protected message: its status and access
 * log (who can still read offline until when), Revoke with a reason, and Change expiry.
 */
public final class SentItemRightsDialog {

    private final SentItemRightsViewModel model;
    private final UiText text;

    /**
     * @param model the dialog's state and commands
     * @param text the UI strings
     */
    public SentItemRightsDialog(SentItemRightsViewModel model, UiText text) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Shows the dialog (not modal) and loads the message's state.
     *
     * @param owner the owning window
     * @param messageId the sent message
     */
    public void show(Window owner, long messageId) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("main.rights-dialog.title"));
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setPrefColumnCount(80);
        report.setPrefRowCount(18);
        report.textProperty().bind(model.reportProperty());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        TextField reason = new TextField();
        reason.setPromptText(text.get("main.rights-dialog.reason"));
        Button revoke = new Button(text.get("main.rights-dialog.revoke"));
        revoke.setOnAction(event -> model.revoke(reason.getText()));
        TextField expiry = new TextField();
        expiry.setPromptText(text.get("main.rights-dialog.expiry"));
        Button apply = new Button(text.get("main.rights-dialog.expiry.apply"));
        apply.setOnAction(event -> model.changeExpiry(expiry.getText()));
        revoke.disableProperty().bind(model.busyProperty());
        apply.disableProperty().bind(model.busyProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox.setHgrow(expiry, Priority.ALWAYS);
        VBox content = new VBox(8, report, error, new HBox(8, reason, revoke), new HBox(8, expiry, apply));
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
        model.load(messageId);
    }
}
