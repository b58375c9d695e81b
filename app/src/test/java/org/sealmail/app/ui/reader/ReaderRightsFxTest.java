package org.sealmail.app.ui.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitLoaded;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Proves that the reader enforces the rights in its code paths: with Do Not Forward every copy
 * gesture leaves the clipboard untouched, printing never reaches a printer job, forward and save
 * are refused; with Encrypt the same gestures do copy (so the test can fail).
 */
@ExtendWith(ApplicationExtension.class)
class ReaderRightsFxTest {

    private static final String SENTINEL = "clipboard sentinel 7f3a";

    private final RecordingOutlets recorded = new RecordingOutlets();
    private final AtomicInteger printerJobs = new AtomicInteger();
    private ReaderViewModel model;
    private ReaderView view;

    @Start
    void start(Stage stage) {
        ReaderViewModel.Outlets fxOutlets = new ReaderViewModel.Outlets(new SystemClipboardWriter(), content -> {
            printerJobs.incrementAndGet();
            return true;
        }, recorded.outlets().saver(), recorded.outlets().compose());
        model = new ReaderViewModel(id -> { throw new IllegalStateException("not used"); }, new FxTaskExecutor(1),
                fxOutlets, UiText.english(), Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC),
                () -> RemoteContentPolicy.BLOCK_AND_ASK);
        view = new ReaderView(model, UiText.english(), ZoneOffset.UTC);
        stage.setScene(new Scene(view.root(), 800, 600));
        stage.show();
    }

    @BeforeEach
    void sentinelOnClipboard() {
        runFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(SENTINEL);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private SandboxedWebView show(OpenedMessage message) {
        runFx(() -> model.show(message));
        SandboxedWebView part = onFx(() -> view.partViews().get(0));
        waitLoaded(part);
        return part;
    }

    private static String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    private void selectAllAndCopyEveryWay(FxRobot robot, SandboxedWebView part) {
        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.INSERT);
        robot.push(KeyCode.SHORTCUT, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.X);
        robot.push(KeyCode.COPY);
    }

    @Test
    void doNotForwardLeavesNoProtectedTextOnTheClipboardByAnyGesture(FxRobot robot) {
        SandboxedWebView part = show(SampleMessages.doNotForward());

        selectAllAndCopyEveryWay(robot, part);
        assertThat(clipboard()).isEqualTo(SENTINEL);
        assertThat(onFx(part::selectedText)).as("text cannot even be selected").isEmpty();

        robot.rightClickOn(part);
        runFx(() -> part.webView().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, 100, 100, false, null)));
        robot.clickOn(robot.fromAll().lookup(".context-menu .menu-item").<javafx.scene.Node>query());
        assertThat(clipboard()).isEqualTo(SENTINEL);

        assertThat(onFx(view::copySelection)).isEqualTo(CommandResult.refused("reader.refused.copy"));
        assertThat(clipboard()).isEqualTo(SENTINEL);
        assertThat(robot.lookup(".reader-notice").queryLabeled().getText())
                .isEqualTo("Copying is not allowed: the sender protected this message without the right to copy.");
    }

    @Test
    void doNotForwardBlocksDragOut() {
        SandboxedWebView part = show(SampleMessages.doNotForward());
        AtomicInteger reachedWebView = new AtomicInteger();
        runFx(() -> part.webView().addEventHandler(MouseEvent.DRAG_DETECTED, event -> reachedWebView.incrementAndGet()));

        runFx(() -> part.webView().fireEvent(dragDetected()));

        assertThat(reachedWebView.get()).as("WebView's own drag start (confirmStartDrag) never runs").isZero();
    }

    @Test
    void encryptLetsTheSameDragThrough() {
        SandboxedWebView part = show(SampleMessages.encrypt());
        AtomicInteger reachedWebView = new AtomicInteger();
        runFx(() -> part.webView().addEventHandler(MouseEvent.DRAG_DETECTED, event -> reachedWebView.incrementAndGet()));

        runFx(() -> part.webView().fireEvent(dragDetected()));

        assertThat(reachedWebView.get()).isEqualTo(1);
    }

    @Test
    void doNotForwardRefusesPrintForwardAndSaveInCode(FxRobot robot) {
        show(SampleMessages.doNotForward());

        assertThat(robot.lookup(".reader-actions .button").queryAllAs(Button.class))
                .filteredOn(button -> button.getText().equals("Print") || button.getText().equals("Forward"))
                .allMatch(Button::isDisabled);
        assertThat(onFx(view::print)).isEqualTo(CommandResult.refused("reader.refused.print"));
        assertThat(onFx(view::forward)).isEqualTo(CommandResult.refused("reader.refused.forward"));
        AttachmentInfo attachment = onFx(() -> model.currentMessage().orElseThrow().attachments().get(0));
        assertThat(onFx(() -> model.saveAttachment(attachment))).isEqualTo(CommandResult.refused("reader.refused.save"));

        assertThat(printerJobs.get()).as("no printer job was created").isZero();
        assertThat(recorded.composed).isEmpty();
        assertThat(recorded.saved).isEmpty();
        assertThat(robot.lookup(".reader-attachments-title").queryLabeled().getText())
                .isEqualTo("1 attachment (read-only: saving is not allowed)");
    }

    @Test
    void doNotForwardAttachmentsOpenReadOnlyInMemoryAndCannotBeCopied(FxRobot robot) {
        show(SampleMessages.doNotForward());
        AttachmentInfo attachment = onFx(() -> model.currentMessage().orElseThrow().attachments().get(0));

        javafx.stage.Stage viewer = onFx(() -> new AttachmentViewerWindow(UiText.english(), model).show(attachment, null));
        SandboxedWebView text = onFx(() -> (SandboxedWebView) viewer.getScene().getRoot().lookup(".message-part-view"));
        waitLoaded(text);

        assertThat(onFx(viewer::getTitle)).isEqualTo("numbers.csv (read-only)");
        assertThat(text.extractAllowed()).isFalse();
        assertThat(onFx(() -> ((javafx.scene.control.Label) viewer.getScene().getRoot().lookup(".attachment-viewer-note"))
                .getText())).isEqualTo("Read-only: the sender did not allow saving or exporting this attachment.");
        robot.clickOn(text);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(clipboard()).isEqualTo(SENTINEL);
        runFx(viewer::close);
    }

    @Test
    void encryptAllowsCopyPrintAndForward(FxRobot robot) {
        SandboxedWebView part = show(SampleMessages.encrypt());

        robot.clickOn(part);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(clipboard()).isEqualTo(SampleMessages.SECRET);

        sentinelOnClipboard();
        runFx(() -> part.webView().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, 100, 100, false, null)));
        robot.clickOn(robot.fromAll().lookup(".context-menu .menu-item").<javafx.scene.Node>query());
        assertThat(clipboard()).isEqualTo(SampleMessages.SECRET);

        assertThat(onFx(view::print).done()).isTrue();
        assertThat(onFx(view::forward).done()).isTrue();
        assertThat(printerJobs.get()).isEqualTo(1);
        assertThat(recorded.composed).containsExactly("forward:Board numbers");
    }

    @Test
    void anExpiredMessageShowsTheBannerAndNoContent(FxRobot robot) {
        runFx(() -> model.show(SampleMessages.expired()));

        assertThat(onFx(() -> view.partViews().size())).isZero();
        assertThat(robot.lookup(".protection-headline").queryLabeled().getText()).startsWith(
                "This message protected with \u201cDo Not Forward\u201d expired on");
    }

    private static MouseEvent dragDetected() {
        return new MouseEvent(MouseEvent.DRAG_DETECTED, 20, 20, 20, 20, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false, null);
    }
}
