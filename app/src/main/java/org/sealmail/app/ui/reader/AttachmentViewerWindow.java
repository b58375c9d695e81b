package org.sealmail.app.ui.reader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.sealmail.app.ui.html.ViewerDocument;

/**
 * Shows an attachment read-only inside Sealmail, from memory: text in a {@link SandboxedWebView}
 * (copy only with the EXTRACT right), images in an {@link ImageView}; other types are named but
 * not shown. Nothing is written to disk, so attachments of protected mail stay in memory.
 */
public final class AttachmentViewerWindow {

    private final UiText text;
    private final ReaderViewModel model;

    /**
     * @param text the UI strings
     * @param model the reader's view-model (copy rights, copy command)
     */
    public AttachmentViewerWindow(UiText text, ReaderViewModel model) {
        this.text = Objects.requireNonNull(text, "text");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param attachment the attachment
     * @param owner the owning window (may be null)
     * @return the window, shown
     */
    public Stage show(AttachmentInfo attachment, Window owner) {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("attachment-viewer");
        String type = attachment.mediaType().toLowerCase(Locale.ROOT);
        boolean extract = model.allows(ReaderAction.COPY);
        if (type.startsWith("text/")) {
            SandboxedWebView view = new SandboxedWebView(extract, text.get("reader.menu.copy"));
            view.setOnCopyRequest(() -> model.copy(view::selectedText));
            view.show(ViewerDocument.ofPlainText(new String(attachment.bytes(), StandardCharsets.UTF_8),
                    new ViewerDocument.Options(false, extract, false)));
            pane.setCenter(view);
        } else if (type.startsWith("image/")) {
            ImageView image = new ImageView(new Image(new ByteArrayInputStream(attachment.bytes())));
            image.setPreserveRatio(true);
            pane.setCenter(new ScrollPane(image));
        } else {
            pane.setCenter(new Label(text.get("reader.attachment.no-preview", attachment.mediaType())));
        }
        Label footer = new Label(text.get(model.attachmentsReadOnly() ? "reader.attachment.read-only-note"
                : "reader.attachment.preview-note"));
        footer.getStyleClass().add("attachment-viewer-note");
        pane.setBottom(footer);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.getIcons().setAll(owner instanceof Stage ownerStage ? ownerStage.getIcons() : java.util.List.of());
            stage.setScene(new Scene(pane, 640, 480));
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            stage.setScene(new Scene(pane, 640, 480));
        }
        stage.setTitle(text.get("reader.attachment.window-title", attachment.fileName()));
        stage.show();
        return stage;
    }
}
