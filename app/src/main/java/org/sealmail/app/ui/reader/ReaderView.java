package org.sealmail.app.ui.reader;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sealmail.app.ui.Formats;
import org.sealmail.app.ui.FxmlLayouts;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.html.HtmlSanitizer;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.sealmail.app.ui.html.SanitizedHtml;
import org.sealmail.app.ui.html.ViewerDocument;

/**
 * The reader pane (layout {@code reader/ReaderView.fxml}): renders a {@link ReaderViewModel}.
 * Each part gets its own {@link SandboxedWebView}; decrypted parts never share a document with
 * clear ones. Copy gestures, print, forward, reply and save all call the view-model, which
 * checks the usage rights.
 */
public final class ReaderView {

    private final ReaderViewModel model;
    private final UiText text;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final RemoteContentGate gate = RemoteContentGate.install();
    private final List<SandboxedWebView> partViews = new ArrayList<>();
    private final DateTimeFormatter dates;
    private Consumer<String> linkOpener = url -> { };
    private Consumer<AttachmentInfo> attachmentOpener = attachment -> { };
    private RemoteContentGate.Permit permit = () -> { };
    private boolean darkDocuments;

    @FXML private VBox root;
    @FXML private Button replyButton;
    @FXML private Button replyAllButton;
    @FXML private Button forwardButton;
    @FXML private Button printButton;
    @FXML private VBox headerBox;
    @FXML private Label subjectLabel;
    @FXML private Label fromLabel;
    @FXML private Label toLabel;
    @FXML private Label dateLabel;
    @FXML private HBox protectionBar;
    @FXML private Region protectionIcon;
    @FXML private Label protectionHeadline;
    @FXML private VBox protectionDetails;
    @FXML private HBox remoteContentBar;
    @FXML private Label noticeLabel;
    @FXML private VBox partsBox;
    @FXML private Label emptyLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private VBox attachmentsBox;
    @FXML private Label attachmentsLabel;
    @FXML private ListView<AttachmentInfo> attachmentList;

    /**
     * @param model the reader's view-model
     * @param text the UI strings
     * @param zone the zone dates are shown in
     */
    public ReaderView(ReaderViewModel model, UiText text, ZoneId zone) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = Objects.requireNonNull(text, "text");
        Locale locale = text.bundle().getLocale().equals(Locale.ROOT) ? Locale.ENGLISH : text.bundle().getLocale();
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        FxmlLayouts.load("reader/ReaderView.fxml", this, text);
    }

    @FXML
    private void initialize() {
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        model.messageProperty().addListener((obs, old, message) -> render());
        model.remoteContentAllowedProperty().addListener((obs, old, allowed) -> render());
        model.noticeProperty().addListener((obs, old, notice) -> showOptional(noticeLabel, notice));
        model.errorProperty().addListener((obs, old, error) -> showOptional(noticeLabel, error));
        attachmentList.setCellFactory(list -> new AttachmentCell());
        render();
    }

    /** @return the reader's root node */
    public VBox root() {
        return root;
    }

    /**
     * @param opener opens a clicked link outside the viewer (e.g. the system browser)
     */
    public void setLinkOpener(Consumer<String> opener) {
        this.linkOpener = Objects.requireNonNull(opener, "opener");
    }

    /**
     * @param opener shows an attachment read-only inside Sealmail
     */
    public void setAttachmentOpener(Consumer<AttachmentInfo> opener) {
        this.attachmentOpener = Objects.requireNonNull(opener, "opener");
    }

    /**
     * @param dark whether message documents use the dark palette
     */
    public void setDarkDocuments(boolean dark) {
        this.darkDocuments = dark;
        render();
    }

    /** @return the views of the parts currently shown, in order */
    public List<SandboxedWebView> partViews() {
        return List.copyOf(partViews);
    }

    /** The Edit menu's Copy: the selection of the parts (or nothing), through the rights check. */
    public CommandResult copySelection() {
        return model.copy(() -> partViews.stream().map(SandboxedWebView::selectedText)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining("\n")));
    }

    @FXML
    CommandResult reply() {
        return model.reply();
    }

    @FXML
    CommandResult replyAll() {
        return model.replyAll();
    }

    @FXML
    CommandResult forward() {
        return model.forward();
    }

    /** The Print command (menu, shortcut, button), through the rights check. */
    public CommandResult printCurrent() {
        return print();
    }

    @FXML
    CommandResult print() {
        List<SandboxedWebView> views = List.copyOf(partViews);
        return model.print(job -> views.forEach(view -> view.printTo(job)));
    }

    @FXML
    private void loadRemoteContent() {
        model.loadRemoteContent();
    }

    private void render() {
        permit.close();
        permit = () -> { };
        partsBox.getChildren().clear();
        partViews.clear();
        OpenedMessage message = model.messageProperty().get();
        renderProtectionBar(model.protectionBarProperty().get());
        boolean hasMessage = message != null;
        emptyLabel.setVisible(!hasMessage);
        show(headerBox, hasMessage);
        for (Button button : List.of(replyButton, replyAllButton, forwardButton, printButton)) {
            button.setDisable(!hasMessage);
        }
        if (!hasMessage) {
            subjectLabel.setText("");
            fromLabel.setText("");
            toLabel.setText("");
            dateLabel.setText("");
            show(remoteContentBar, false);
            show(attachmentsBox, false);
            return;
        }
        subjectLabel.setText(message.subject().isEmpty() ? text.get("reader.no-subject") : message.subject());
        fromLabel.setText(message.from());
        List<String> recipients = new ArrayList<>(message.to());
        recipients.addAll(message.cc());
        toLabel.setText(String.join(", ", recipients));
        dateLabel.setText(dates.format(message.date()));
        // Buttons reflect the rights; the view-model refuses in code as well.
        replyButton.setDisable(!model.allows(ReaderAction.REPLY));
        replyAllButton.setDisable(!model.allows(ReaderAction.REPLY_ALL));
        forwardButton.setDisable(!model.allows(ReaderAction.FORWARD));
        printButton.setDisable(!model.allows(ReaderAction.PRINT));
        renderParts(message);
        renderAttachments(message);
    }

    private void renderParts(OpenedMessage message) {
        boolean extract = model.allows(ReaderAction.COPY);
        boolean labelParts = message.parts().size() > 1
                && message.parts().stream().map(DisplayPart::origin).distinct().count() > 1;
        boolean remoteReferenced = false;
        List<java.net.URI> permitted = new ArrayList<>();
        for (DisplayPart part : message.parts()) {
            boolean remoteForPart = model.remoteContentAllowedProperty().get()
                    && part.origin() != DisplayPart.Origin.DECRYPTED && !message.protection().decrypted();
            ViewerDocument.Options options = new ViewerDocument.Options(remoteForPart, extract, darkDocuments);
            String document;
            if (part.format() == DisplayPart.Format.HTML) {
                SanitizedHtml html = sanitizer.sanitize(part.content(), part.inlineImages());
                remoteReferenced |= html.referencesRemoteContent() && part.origin() != DisplayPart.Origin.DECRYPTED;
                if (remoteForPart) {
                    permitted.addAll(html.remoteOrigins());
                }
                document = ViewerDocument.ofHtml(html, options);
            } else {
                document = ViewerDocument.ofPlainText(part.content(), options);
            }
            SandboxedWebView view = new SandboxedWebView(extract, text.get("reader.menu.copy"));
            view.setOnCopyRequest(() -> model.copy(() -> {
                String selected = view.selectedText();
                return selected.isEmpty() ? view.documentText() : selected;
            }));
            view.setOnLinkActivated(linkOpener);
            VBox.setVgrow(view, Priority.ALWAYS);
            if (labelParts) {
                Label origin = new Label(text.get("reader.part." + part.origin().name().toLowerCase(Locale.ROOT)));
                origin.getStyleClass().addAll("part-origin", "part-origin-" + part.origin().name().toLowerCase(Locale.ROOT));
                partsBox.getChildren().add(origin);
            }
            partsBox.getChildren().add(view);
            partViews.add(view);
            view.show(document);
        }
        if (!permitted.isEmpty()) {
            permit = gate.permit(permitted);
        }
        show(remoteContentBar, remoteReferenced && model.offersRemoteContent());
    }

    private void renderAttachments(OpenedMessage message) {
        attachmentList.getItems().setAll(message.attachments());
        attachmentsLabel.setText(text.get(model.attachmentsReadOnly() ? "reader.attachments.read-only" : "reader.attachments",
                message.attachments().size()));
        show(attachmentsBox, !message.attachments().isEmpty());
    }

    private void renderProtectionBar(ProtectionBar bar) {
        protectionBar.getStyleClass().removeIf(c -> c.startsWith("severity-"));
        protectionIcon.getStyleClass().removeIf(c -> c.startsWith("icon-"));
        show(protectionBar, bar.severity() != ProtectionBar.Severity.NONE);
        String severity = bar.severity().name().toLowerCase(Locale.ROOT);
        protectionBar.getStyleClass().add("severity-" + severity);
        protectionIcon.getStyleClass().add(switch (bar.severity()) {
            case OK -> "icon-seal";
            case INFO -> "icon-lock";
            case WARNING -> "icon-warning";
            case ERROR -> "icon-error";
            case NONE -> "icon-none";
        });
        protectionHeadline.setText(bar.headline());
        List<Node> details = new ArrayList<>();
        for (String line : bar.details()) {
            Label label = new Label(line);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            details.add(label);
        }
        protectionDetails.getChildren().setAll(details);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static void showOptional(Label label, String message) {
        label.setText(message);
        show(label, message != null && !message.isEmpty());
    }

    /** One attachment: name, type, size, Open and (with EXPORT) Save. */
    private final class AttachmentCell extends ListCell<AttachmentInfo> {
        @Override
        protected void updateItem(AttachmentInfo item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(text.get("reader.attachment.line", item.fileName(), item.mediaType(),
                    Formats.size(item.sizeBytes())));
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Button open = new Button(text.get("reader.attachment.open"));
            open.setOnAction(event -> attachmentOpener.accept(item));
            Button save = new Button(text.get("reader.attachment.save"));
            save.setDisable(model.attachmentsReadOnly());
            save.setOnAction(event -> model.saveAttachment(item));
            HBox line = new HBox(8, name, open, save);
            line.getStyleClass().add("attachment-line");
            setGraphic(line);
            setText(null);
        }
    }
}
