package org.sealmail.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.memory.InMemoryMailbox;
import org.sealmail.app.ui.reader.ReaderView;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RecordingOutlets;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.SampleMessages;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.app.ui.task.FxThreadCheck;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The message list over a 100,000-message folder: the table creates only a screenful of row
 * cells, the store is asked only for the pages shown, and scrolling to the end shows the last
 * message. The mailbox is FX-thread guarded, so any store call on the UI thread would fail.
 */
@ExtendWith(ApplicationExtension.class)
class MessageListFxTest {

    private InMemoryMailbox mailbox;
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        mailbox = SampleMailbox.create();
        MailboxService guarded = FxThreadCheck.guard(MailboxService.class, mailbox);
        FxTaskExecutor executor = new FxTaskExecutor(2);
        ReaderViewModel reader = new ReaderViewModel(id -> SampleMessages.plain(), executor,
                new RecordingOutlets().outlets(), UiText.english(), Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC),
                () -> RemoteContentPolicy.BLOCK_AND_ASK);
        model = new MainViewModel(guarded, executor, reader, UiText.english());
        window = new MainWindow(model, new ReaderView(reader, UiText.english(), ZoneOffset.UTC), UiText.english(),
                ZoneOffset.UTC, new MainWindowActions(() -> { }, () -> { }, () -> { }, theme -> { }, () -> { }, () -> { },
                () -> { }));
        Scene scene = new Scene(window.root(), 1100, 700);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        model.refreshAccounts();
    }

    private Set<Node> rowCells(FxRobot robot) {
        return robot.lookup(".message-table .table-row-cell").queryAll();
    }

    @Test
    void aHundredThousandRowsCostOnlyAScreenfulOfCellsAndPages(FxRobot robot) {
        waitUntil(() -> model.selectedFolderProperty().get() != null);
        runFx(() -> model.selectedFolderProperty().set(model.accounts().get(0).folders().get(1)));
        waitUntil(() -> window.messageTable().getItems().size() == SampleMailbox.ARCHIVE_SIZE);
        waitUntil(() -> "Archived message 0".equals(firstVisibleSubject(robot)));

        assertThat(rowCells(robot).size()).as("row cells created").isBetween(5, 60);
        long pageCalls = mailbox.calls().stream().filter(c -> c.startsWith("page " + SampleMailbox.ARCHIVE)).count();
        assertThat(pageCalls).as("pages fetched for the first screen").isLessThanOrEqualTo(2);

        runFx(() -> window.messageTable().scrollTo(SampleMailbox.ARCHIVE_SIZE - 1));
        waitUntil(() -> rowCells(robot).stream().map(n -> ((TableRow<?>) n).getItem()).anyMatch(item ->
                item instanceof MessageHeader h && h.subject().equals("Archived message 99999")));

        assertThat(rowCells(robot).size()).isBetween(5, 60);
        assertThat(onFx(() -> model.pagedRows().pagesInMemory())).isLessThanOrEqualTo(4);
    }

    @Test
    void unreadRowsAreBoldAndProtectedRowsCarryALockOrSeal(FxRobot robot) {
        waitUntil(() -> "Board numbers".equals(firstVisibleSubject(robot)));

        TableRow<?> first = (TableRow<?>) rowCells(robot).stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == 0).findFirst().orElseThrow();
        assertThat(first.getStyleClass()).contains("unread");
        assertThat(first.lookupAll(".icon-lock")).hasSize(1);
        TableRow<?> second = (TableRow<?>) rowCells(robot).stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == 1).findFirst().orElseThrow();
        assertThat(second.lookupAll(".icon-seal")).hasSize(1);
        assertThat(second.lookupAll(".icon-flag")).hasSize(1);
    }

    @Test
    void theStoreIsNeverCalledOnTheFxThread() {
        assertThat(onFx(() -> {
            try {
                FxThreadCheck.guard(MailboxService.class, mailbox).accounts();
                return "called";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        })).isEqualTo("MailboxService.accounts does I/O or crypto and must not run on the JavaFX application thread");
    }

    private String firstVisibleSubject(FxRobot robot) {
        return onFx(() -> rowCells(robot).stream().map(n -> (TableRow<?>) n).filter(r -> r.getIndex() == 0)
                .map(TableRow::getItem).filter(MessageHeader.class::isInstance).map(h -> ((MessageHeader) h).subject())
                .findFirst().orElse(null));
    }
}
