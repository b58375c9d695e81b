package org.sealmail.app.ui.html;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.concurrent.Worker;
import javafx.print.PrinterJob;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebView for one message part, locked down: JavaScript off, the {@link RemoteContentGate}
 * installed before the first load, documents loaded from Strings (never files), no pop-ups, no
 * navigation (a clicked link is reported, the page stays), WebKit's own context menu off, and
 * every copy gesture intercepted. Copying goes only through the {@code onCopyRequest} handler
 * (the reader's rights check); without the EXTRACT right drag-out is blocked as well.
 */
public final class SandboxedWebView extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxedWebView.class);

    private static final int MAX_RESTORES = 3;

    private final WebView webView;
    private final boolean extractAllowed;
    private String currentDocument = "";
    private Runnable onCopyRequest = () -> { };
    private Consumer<String> onLinkActivated = url -> { };
    private boolean restoring;
    private int restores;

    /**
     * @param extractAllowed whether the content may be selected, copied and dragged (the EXTRACT right)
     * @param copyLabel the context menu's "Copy" label (localized)
     */
    public SandboxedWebView(boolean extractAllowed, String copyLabel) {
        RemoteContentGate.install();
        this.extractAllowed = extractAllowed;
        this.webView = new WebView();
        getStyleClass().add("message-part-view");
        WebEngine engine = webView.getEngine();
        engine.setJavaScriptEnabled(false);
        engine.setCreatePopupHandler(features -> null);
        engine.setOnAlert(event -> { });
        webView.setContextMenuEnabled(false);
        webView.addEventFilter(KeyEvent.ANY, this::filterKey);
        webView.addEventFilter(MouseEvent.DRAG_DETECTED, event -> {
            if (!this.extractAllowed) {
                event.consume();
            }
        });
        ContextMenu menu = new ContextMenu();
        MenuItem copy = new MenuItem(copyLabel);
        copy.setId("part-copy");
        copy.setOnAction(event -> onCopyRequest.run());
        menu.getItems().add(copy);
        webView.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            event.consume();
            menu.show(webView, event.getScreenX(), event.getScreenY());
        });
        engine.locationProperty().addListener((obs, old, location) -> interceptNavigation(location));
        getChildren().add(webView);
    }

    private void filterKey(KeyEvent event) {
        if (CopyGestures.isCopyOrCut(event)) {
            event.consume();
            if (event.getEventType() == KeyEvent.KEY_PRESSED) {
                onCopyRequest.run();
            }
        }
    }

    private void interceptNavigation(String location) {
        if (restoring || location == null || location.isEmpty() || location.equals("about:blank")) {
            return;
        }
        LOG.debug("navigation from the message viewer stopped");
        restoring = true;
        // A document that navigates by itself again and again (meta refresh in unsanitized
        // input) is replaced by an empty one instead of being restored forever.
        boolean restore = ++restores <= MAX_RESTORES;
        Platform.runLater(() -> {
            webView.getEngine().getLoadWorker().cancel();
            webView.getEngine().loadContent(restore ? currentDocument : "", "text/html");
            restoring = false;
            if (restore) {
                onLinkActivated.accept(location);
            }
        });
    }

    /**
     * Shows a complete document (see {@link ViewerDocument}); loaded from memory.
     *
     * @param document the HTML document
     */
    public void show(String document) {
        currentDocument = Objects.requireNonNull(document, "document");
        restores = 0;
        webView.getEngine().loadContent(document, "text/html");
    }

    /** @return the selected text, empty when nothing is selected */
    public String selectedText() {
        Object selection = webView.getEngine().executeScript("window.getSelection().toString()");
        return selection == null ? "" : selection.toString();
    }

    /** @return the whole text of the document, for the Copy command when nothing is selected */
    public String documentText() {
        Object text = webView.getEngine().executeScript("document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    /**
     * @param job a started printer job
     */
    public void printTo(PrinterJob job) {
        webView.getEngine().print(job);
    }

    /**
     * @param handler runs when the user asks to copy (keyboard or context menu)
     */
    public void setOnCopyRequest(Runnable handler) {
        this.onCopyRequest = Objects.requireNonNull(handler, "handler");
    }

    /**
     * @param handler receives the URL of a clicked link (the viewer itself never navigates)
     */
    public void setOnLinkActivated(Consumer<String> handler) {
        this.onLinkActivated = Objects.requireNonNull(handler, "handler");
    }

    /** @return the load state of the current document */
    public ReadOnlyObjectProperty<Worker.State> loadStateProperty() {
        return webView.getEngine().getLoadWorker().stateProperty();
    }

    /** @return the underlying WebView (tests read its DOM; do not load into it directly) */
    public WebView webView() {
        return webView;
    }

    /** @return whether selection, copy and drag-out are allowed */
    public boolean extractAllowed() {
        return extractAllowed;
    }
}
