package org.sealmail.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.ConnectionState;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.app.ui.memory.InMemoryMailbox;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RecordingOutlets;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.SampleMessages;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;

class MainViewModelTest {

    private final InMemoryMailbox mailbox = SampleMailbox.create();
    private final List<Long> opened = new java.util.ArrayList<>();
    private final ReaderViewModel reader = new ReaderViewModel(id -> {
        opened.add(id);
        return SampleMessages.plain();
    }, new SameThreadTaskExecutor(), new RecordingOutlets().outlets(), UiText.english(),
            Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC), () -> RemoteContentPolicy.BLOCK_AND_ASK);
    private final MainViewModel model = new MainViewModel(mailbox, new SameThreadTaskExecutor(), reader, UiText.english());

    @Test
    void loadsAccountsWithUnreadCountsAndSelectsTheFirstFolder() {
        model.refreshAccounts();

        assertThat(model.accounts()).extracting(a -> a.displayName()).containsExactly("Work", "Home");
        FolderSummary inbox = model.accounts().get(0).folders().get(0);
        assertThat(inbox.unread()).isEqualTo(3);
        assertThat(model.selectedFolderProperty().get().id()).isEqualTo(SampleMailbox.INBOX);
        assertThat(model.pagedRows()).hasSize(5);
        assertThat(model.listSummaryProperty().get()).isEqualTo("5 messages, 3 unread");
    }

    @Test
    void sortsThroughTheQueryNotInMemory() {
        model.refreshAccounts();

        model.sortProperty().set(new MessageSort(MessageSort.Key.SUBJECT, true));

        assertThat(model.pagedRows()).extracting(MessageHeader::subject).containsExactly(
                "Board numbers", "Lunch on Friday?", "Newsletter", "Re: Board numbers", "Signed contract");
    }

    @Test
    void conversationViewGroupsRepliesIntoOneRow() {
        model.refreshAccounts();

        model.conversationsProperty().set(true);

        assertThat(model.pagedRows()).hasSize(4);
        MessageHeader board = model.pagedRows().stream().filter(m -> m.subject().equals("Board numbers")).findFirst().orElseThrow();
        assertThat(board.conversationSize()).isEqualTo(2);
    }

    @Test
    void selectingAnUnreadMessageOpensItAndMarksItRead() {
        model.refreshAccounts();
        MessageHeader first = model.pagedRows().get(0);
        assertThat(first.seen()).isFalse();

        model.select(first);

        assertThat(opened).containsExactly(101L);
        assertThat(mailbox.calls()).contains("seen 101 true");
        assertThat(model.pagedRows().get(0).seen()).isTrue();
        assertThat(model.unreadCount(model.selectedFolderProperty().get())).isEqualTo(2);
        assertThat(model.listSummaryProperty().get()).isEqualTo("5 messages, 2 unread");
        model.select(model.pagedRows().get(0));
        assertThat(opened).as("a refreshed row does not reopen the message").containsExactly(101L);
    }

    @Test
    void searchShowsResultsAndClearingReturnsToTheFolder() {
        model.refreshAccounts();

        model.search("board");
        assertThat(model.searchingProperty().get()).isTrue();
        assertThat(model.searchRows()).extracting(MessageHeader::id).containsExactly(101L, 103L);
        assertThat(model.listSummaryProperty().get()).isEqualTo("2 results for \u201cboard\u201d");

        model.search("  ");
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void theStatusBarShowsConnectionTlsAndProgress() {
        model.refreshAccounts();

        mailbox.publish(new SyncStatus(1, ConnectionState.SYNCHRONIZING, Optional.of("TLSv1.3 TLS_AES_256_GCM_SHA384"), 25, 100, ""));
        assertThat(model.connectionTextProperty().get()).isEqualTo("Synchronizing");
        assertThat(model.tlsTextProperty().get()).isEqualTo("TLS: TLSv1.3 TLS_AES_256_GCM_SHA384");
        assertThat(model.syncProgressProperty().get()).isEqualTo(0.25);

        mailbox.publish(new SyncStatus(1, ConnectionState.FAILED, Optional.empty(), 0, 0, "authentication failed"));
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connection failed: authentication failed");
        assertThat(model.tlsTextProperty().get()).isEqualTo("Not encrypted (no TLS)");
        assertThat(model.syncingProperty().get()).isFalse();
    }

    @Test
    void onlyRequestedPagesOfALargeFolderAreLoaded() {
        model.refreshAccounts();
        model.selectedFolderProperty().set(model.accounts().get(0).folders().get(1));

        assertThat(model.pagedRows()).hasSize(SampleMailbox.ARCHIVE_SIZE);
        assertThat(model.pagedRows().get(99_999).subject()).isEqualTo("Archived message 99999");
        assertThat(model.pagedRows().get(0).subject()).isEqualTo("Archived message 0");
        assertThat(model.pagedRows().pagesInMemory()).isEqualTo(2);
    }
}
