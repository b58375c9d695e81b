package org.sealmail.app.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.IncomingMessage;
import org.sealmail.mailstore.messages.MessageParser;

/** The main window's service over a real SQLite store. */
class StoreMailboxTest {

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private Folder inbox;
    private StoreMailbox mailbox;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        inbox = store.folders().localFolder("Inbox");
        add("a@x", "Ann Example <ann@example.test>", "Quarterly report", "2026-03-01T10:00:00Z");
        add("b@x", "Bob <bob@example.test>", "Lunch", "2026-03-02T10:00:00Z");
        mailbox = new StoreMailbox(store, "Local Folders");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void add(String id, String from, String subject, String date) {
        String raw = "From: " + from + "\nTo: me@example.test\nSubject: " + subject + "\nMessage-ID: <" + id + ">\n"
                + "Date: Sun, 01 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                + subject + " body text\n";
        store.messages().add(inbox.id(), IncomingMessage.of(new MessageParser(), raw.getBytes(StandardCharsets.UTF_8),
                Instant.parse(date), null, Set.of(), Set.of()));
    }

    @Test
    void localFoldersAppearWithUnreadCounts() {
        AccountSummary local = mailbox.accounts().get(0);
        assertThat(local.id()).isEqualTo(StoreMailbox.LOCAL_FOLDERS);
        assertThat(local.displayName()).isEqualTo("Local Folders");
        FolderSummary folder = local.folders().get(0);
        assertThat(folder.name()).isEqualTo("Inbox");
        assertThat(folder.unread()).isEqualTo(2);
        assertThat(folder.total()).isEqualTo(2);
    }

    @Test
    void pagesSortsSearchesAndSetsFlags() {
        MessageQuery newest = new MessageQuery(inbox.id(), MessageSort.NEWEST_FIRST, false);
        assertThat(mailbox.count(newest)).isEqualTo(2);
        assertThat(mailbox.page(newest, 0, 10)).extracting(MessageHeader::subject).containsExactly("Lunch", "Quarterly report");
        assertThat(mailbox.page(new MessageQuery(inbox.id(), new MessageSort(MessageSort.Key.SUBJECT, false), false), 0, 10))
                .extracting(MessageHeader::subject).containsExactly("Quarterly report", "Lunch");
        assertThat(mailbox.page(newest, 1, 1).get(0).from()).isEqualTo("Ann Example <ann@example.test>");

        assertThat(mailbox.search(StoreMailbox.LOCAL_FOLDERS, "quarterly", 10)).extracting(MessageHeader::subject)
                .containsExactly("Quarterly report");

        long lunch = mailbox.page(newest, 0, 1).get(0).id();
        mailbox.setSeen(lunch, true);
        mailbox.setFlagged(lunch, true);
        MessageHeader updated = mailbox.page(newest, 0, 1).get(0);
        assertThat(updated.seen()).isTrue();
        assertThat(updated.flagged()).isTrue();
        assertThat(mailbox.accounts().get(0).folders().get(0).unread()).isEqualTo(1);
    }
}
