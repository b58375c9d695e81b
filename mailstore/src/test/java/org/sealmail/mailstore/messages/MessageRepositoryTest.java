package org.sealmail.mailstore.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;

class MessageRepositoryTest {

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private Folder inbox;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        inbox = store.folders().localFolder("Inbox");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storesTheRowAndTheRawMessage() {
        byte[] raw = StoreFixture.plain("m1@example.test", "Ann <ann@example.test>", "bob@example.test", "Hello", "Body text");
        AddResult result = store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.parse("2026-01-26T15:00:00Z")));

        StoredMessage message = store.messages().find(result.messageId()).orElseThrow();
        assertThat(result.duplicate()).isFalse();
        assertThat(message.subject()).isEqualTo("Hello");
        assertThat(message.from()).containsExactly(new MailAddress("Ann", "ann@example.test"));
        assertThat(message.messageId()).isEqualTo("m1@example.test");
        assertThat(message.size()).isEqualTo(raw.length);
        assertThat(message.internalDate()).isEqualTo(Instant.parse("2026-01-26T15:00:00Z"));
        assertThat(message.sentDate()).isEqualTo(Instant.parse("2026-01-26T14:38:03Z"));
        assertThat(message.bodyFetched()).isTrue();
        assertThat(message.mimeStructure()).isEqualTo("text/plain");
        assertThat(store.messages().raw(result.messageId())).hasValue(raw);
    }

    @Test
    void theSameMessageTwiceInAFolderIsADuplicateButNotInAnotherFolder() {
        byte[] raw = StoreFixture.plain("m1@example.test", "a@example.test", "b@example.test", "Once", "x");
        AddResult first = store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.EPOCH));
        AddResult again = store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.EPOCH));
        Folder archive = store.folders().localFolder("Archive");
        AddResult elsewhere = store.messages().add(archive.id(), StoreFixture.incoming(raw, Instant.EPOCH));

        assertThat(again).isEqualTo(new AddResult(first.messageId(), true));
        assertThat(elsewhere.duplicate()).isFalse();
        assertThat(store.messages().count(inbox.id())).isEqualTo(1);
    }

    @Test
    void sameMessageIdWithOtherContentIsKept() {
        store.messages().add(inbox.id(), StoreFixture.incoming(
                StoreFixture.plain("same@example.test", "a@example.test", "b@example.test", "One", "x"), Instant.EPOCH));
        AddResult other = store.messages().add(inbox.id(), StoreFixture.incoming(
                StoreFixture.plain("same@example.test", "a@example.test", "b@example.test", "Two", "y"), Instant.EPOCH));
        assertThat(other.duplicate()).isFalse();
        assertThat(store.messages().count(inbox.id())).isEqualTo(2);
    }

    @Test
    void listsTheNewestFirstThroughTheFolderDateIndex() throws Exception {
        for (int i = 0; i < 30; i++) {
            byte[] raw = StoreFixture.plain("n" + i + "@example.test", "a@example.test", "b@example.test", "Number " + i, "x");
            store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
        }
        List<StoredMessage> newest = store.messages().newest(inbox.id(), 0, 5);
        assertThat(newest).extracting(StoredMessage::subject)
                .containsExactly("Number 29", "Number 28", "Number 27", "Number 26", "Number 25");
        assertThat(store.messages().newest(inbox.id(), 5, 2)).extracting(StoredMessage::subject)
                .containsExactly("Number 24", "Number 23");

        String plan = store.database().read("plan", connection -> {
            StringBuilder text = new StringBuilder();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                    "EXPLAIN QUERY PLAN SELECT id FROM message WHERE folder_id = 1 ORDER BY internal_date DESC, id DESC LIMIT 200")) {
                while (row.next()) {
                    text.append(row.getString("detail")).append('\n');
                }
            }
            return text.toString();
        });
        assertThat(plan).contains("INDEX message_by_folder_date").doesNotContain("TEMP B-TREE");
    }

    @Test
    void aHeaderOnlyMessageGetsItsBodyLater() {
        byte[] raw = StoreFixture.plain("h1@example.test", "a@example.test", "b@example.test", "Later", "fetched body words");
        MessageParser parser = new MessageParser();
        AddResult added = store.messages().addHeaderOnly(inbox.id(), parser.parse(raw), 42, raw.length,
                Instant.parse("2026-02-02T00:00:00Z"), EnumSet.of(MessageFlag.SEEN), Set.of("$label1"));

        assertThat(store.messages().find(added.messageId()).orElseThrow().bodyFetched()).isFalse();
        assertThat(store.messages().raw(added.messageId())).isEmpty();
        assertThat(store.messages().addHeaderOnly(inbox.id(), parser.parse(raw), 42, raw.length, Instant.EPOCH, Set.of(), Set.of()))
                .isEqualTo(new AddResult(added.messageId(), true));

        store.messages().attachBody(added.messageId(), raw, parser.parse(raw));
        StoredMessage message = store.messages().find(added.messageId()).orElseThrow();
        assertThat(message.bodyFetched()).isTrue();
        assertThat(message.uid()).isEqualTo(42L);
        assertThat(message.flags()).containsExactly(MessageFlag.SEEN);
        assertThat(message.keywords()).containsExactly("$label1");
        assertThat(store.messages().raw(added.messageId())).hasValue(raw);
        assertThat(store.search().search("fetched", 10)).extracting(StoredMessage::id).containsExactly(added.messageId());
    }

    @Test
    void flagsAndKeywordsAreReplaced() {
        long id = store.messages().add(inbox.id(), StoreFixture.incoming(
                StoreFixture.plain("f@example.test", "a@example.test", "b@example.test", "F", "x"), Instant.EPOCH)).messageId();
        store.messages().setFlags(id, EnumSet.of(MessageFlag.FLAGGED, MessageFlag.ANSWERED), Set.of("Work", "$Important"));
        StoredMessage message = store.messages().find(id).orElseThrow();
        assertThat(message.flags()).containsExactlyInAnyOrder(MessageFlag.FLAGGED, MessageFlag.ANSWERED);
        assertThat(message.keywords()).containsExactlyInAnyOrder("Work", "$Important");
        assertThatThrownBy(() -> store.messages().setFlags(999, Set.of(), Set.of()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.NOT_FOUND));
    }

    @Test
    void deletingAMessageRemovesItsRawBytesAndIndexEntry() {
        long id = store.messages().add(inbox.id(), StoreFixture.incoming(
                StoreFixture.plain("d@example.test", "a@example.test", "b@example.test", "Doomed", "platypus"), Instant.EPOCH))
                .messageId();
        assertThat(store.search().search("platypus", 10)).hasSize(1);
        assertThat(store.messages().delete(id)).isTrue();
        assertThat(store.messages().raw(id)).isEmpty();
        assertThat(store.search().search("platypus", 10)).isEmpty();
    }

    @Test
    void aFailedAddLeavesNothingBehind() {
        List<Long> before = store.messages().idsOldestFirst(inbox.id());
        byte[] raw = StoreFixture.plain("x@example.test", "a@example.test", "b@example.test", "X", "x");
        assertThatThrownBy(() -> store.database().write("two adds", connection -> {
            store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.EPOCH));
            return store.messages().add(12345, StoreFixture.incoming(raw, Instant.EPOCH));
        })).isInstanceOf(StoreException.class).hasMessageContaining("no folder with id 12345");
        assertThat(store.messages().idsOldestFirst(inbox.id())).isEqualTo(before);
        assertThat(rowCount("message_raw")).isZero();
    }

    @Test
    void rawBytesAreCompressed() {
        byte[] raw = StoreFixture.plain("c@example.test", "a@example.test", "b@example.test", "Big", "la ".repeat(20_000));
        long id = store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.EPOCH)).messageId();
        long stored = store.database().read("size", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT length(compressed) FROM message_raw WHERE message_id = " + id)) {
                row.next();
                return row.getLong(1);
            }
        });
        assertThat(stored).isLessThan(raw.length / 20);
        assertThat(new String(store.messages().raw(id).orElseThrow(), StandardCharsets.UTF_8)).endsWith("la \n");
    }

    private long rowCount(String table) {
        return store.database().read("count", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
