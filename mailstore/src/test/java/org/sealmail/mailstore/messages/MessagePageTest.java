package org.sealmail.mailstore.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;

/** Paged listing in the desktop client's orders, conversation heads and unread counts. */
class MessagePageTest {

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private Folder inbox;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        inbox = store.folders().localFolder("Inbox");
        add("m1@x", "Carol <carol@example.test>", "banana", "2026-01-01T10:00:00Z", "short");
        add("m2@x", "ann <ann@example.test>", "Cherry", "2026-01-02T10:00:00Z", "a much longer body than the others");
        add("m3@x", "Bob <bob@example.test>", "apple", "2026-01-03T10:00:00Z", "mid body", "In-Reply-To: <m1@x>");
    }

    private long add(String id, String from, String subject, String date, String body, String... headers) {
        byte[] raw = StoreFixture.plain(id, from, "me@example.test", subject, body, headers);
        return store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.parse(date))).messageId();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void pagesInEachOrder() {
        MessageRepository messages = store.messages();
        assertThat(messages.page(inbox.id(), MessageRepository.Order.INTERNAL_DATE, false, 0, 10))
                .extracting(StoredMessage::subject).containsExactly("apple", "Cherry", "banana");
        assertThat(messages.page(inbox.id(), MessageRepository.Order.SUBJECT, true, 0, 10))
                .extracting(StoredMessage::subject).containsExactly("apple", "banana", "Cherry");
        assertThat(messages.page(inbox.id(), MessageRepository.Order.SIZE, false, 0, 1))
                .extracting(StoredMessage::subject).containsExactly("Cherry");
        assertThat(messages.page(inbox.id(), MessageRepository.Order.INTERNAL_DATE, true, 1, 1))
                .extracting(StoredMessage::subject).containsExactly("Cherry");
    }

    @Test
    void conversationHeadsCollapseRepliesAndCountThem() {
        MessageRepository messages = store.messages();

        assertThat(messages.countConversations(inbox.id())).isEqualTo(2);
        assertThat(messages.conversationHeads(inbox.id(), MessageRepository.Order.INTERNAL_DATE, false, 0, 10))
                .extracting(head -> head.newest().subject() + " " + head.size()).containsExactly("apple 2", "Cherry 1");
    }

    @Test
    void countsUnreadMessages() {
        MessageRepository messages = store.messages();
        assertThat(messages.countUnread(inbox.id())).isEqualTo(3);

        long first = messages.page(inbox.id(), MessageRepository.Order.INTERNAL_DATE, false, 0, 1).get(0).id();
        messages.setFlags(first, EnumSet.of(MessageFlag.SEEN), Set.of());

        assertThat(messages.countUnread(inbox.id())).isEqualTo(2);
    }
}
