package org.sealmail.mailstore.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.TestResources;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.StoredMessage;

class MessageSearchTest {

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private Folder inbox;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        inbox = store.folders().localFolder("Inbox");
        add(StoreFixture.plain("1@example.test", "Ann Archer <ann@example.test>", "Bob <bob@corp.example>", "Budget meeting",
                "Let us talk about the wombat project"), "2026-01-01T10:00:00Z");
        add(StoreFixture.plain("2@example.test", "Carl <carl@example.test>", "Ann Archer <ann@example.test>", "Re: Budget meeting",
                "Tuesday works", "In-Reply-To: <1@example.test>"), "2026-01-02T10:00:00Z");
        add(StoreFixture.plain("3@example.test", "Dora <dora@example.test>", "team@example.test", "Lunch",
                "Pizza with extra-cheese"), "2026-01-03T10:00:00Z");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findsSubjectWordsNewestFirst() {
        assertThat(subjects(store.search().search("budget", 10))).containsExactly("Re: Budget meeting", "Budget meeting");
    }

    @Test
    void findsNamesAndAddresses() {
        assertThat(subjects(store.search().search("archer", 10))).containsExactly("Re: Budget meeting", "Budget meeting");
        assertThat(subjects(store.search().search("bob@corp.example", 10))).containsExactly("Budget meeting");
        assertThat(subjects(store.search().search("from:ann", 10))).containsExactly("Budget meeting");
        assertThat(subjects(store.search().search("to:ann", 10))).containsExactly("Re: Budget meeting");
    }

    @Test
    void findsBodyWordsPrefixesAndPhrases() {
        assertThat(subjects(store.search().search("wombat", 10))).containsExactly("Budget meeting");
        assertThat(subjects(store.search().search("wom*", 10))).containsExactly("Budget meeting");
        assertThat(subjects(store.search().search("\"extra cheese\"", 10))).containsExactly("Lunch");
        assertThat(subjects(store.search().search("extra-cheese pizza", 10))).containsExactly("Lunch");
        assertThat(subjects(store.search().search("body:budget", 10))).isEmpty();
        assertThat(store.search().search("nothinglikethis", 10)).isEmpty();
    }

    @Test
    void searchesOneFolderAndHonoursTheLimit() {
        Folder other = store.folders().localFolder("Other");
        store.messages().add(other.id(), StoreFixture.incoming(StoreFixture.plain("9@example.test", "z@example.test", "y@example.test",
                "Budget elsewhere", "x"), Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(subjects(store.search().search("budget", 2))).containsExactly("Budget elsewhere", "Re: Budget meeting");
        assertThat(subjects(store.search().searchFolder(inbox.id(), "budget", 10))).containsExactly("Re: Budget meeting", "Budget meeting");
    }

    @Test
    void theBodyTextOfProtectedMailIsNeverIndexedButItsSubjectAndAddressesAre() {
        add(StoreFixture.sealmailProtected("wrapper words quokka"), "2026-01-04T10:00:00Z");
        add(TestResources.bytes("thunderbird-smime/alice.env.eml"), "2026-01-05T10:00:00Z");
        byte[] mixed = ("From: Eve <eve@example.test>\nTo: bob@example.test\nSubject: Mixed secrets\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nnarwhal in clear beside\n"
                + "--b\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggGL\n--b--\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        add(mixed, "2026-01-06T10:00:00Z");

        assertThat(store.search().search("quokka", 10)).isEmpty();
        assertThat(store.search().search("narwhal", 10)).isEmpty();
        assertThat(subjects(store.search().search("quarterly", 10))).containsExactly("Quarterly numbers");
        assertThat(subjects(store.search().search("from:alice@example.test", 10))).containsExactly("Quarterly numbers");
        assertThat(subjects(store.search().search("enveloped", 10))).containsExactly("enveloped ");
        assertThat(subjects(store.search().search("eve@example.test", 10))).containsExactly("Mixed secrets");

        // the index itself, term by term (fts5vocab lists every term of every column)
        List<String> terms = store.database().read("vocabulary", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, message_fts, 'row')");
                List<String> all = new ArrayList<>();
                try (ResultSet row = statement.executeQuery("SELECT term FROM temp.fts_terms")) {
                    while (row.next()) {
                        all.add(row.getString(1));
                    }
                }
                return all;
            }
        });
        assertThat(terms).contains("wombat", "quarterly", "alice", "eve").doesNotContain("quokka", "wrapper", "narwhal", "clear");

        // no column of any table holds the words: the FTS table is contentless, and nothing else keeps body text
        long hits = store.database().read("scan", connection -> {
            long found = 0;
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            + " AND name NOT IN ('message_fts') AND sql NOT LIKE 'CREATE VIRTUAL%'")) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = row.getBytes(c);
                            String text = value == null ? "" : new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
                            if (text.contains("quokka") || text.contains("narwhal")) {
                                found++;
                            }
                        }
                    }
                }
            }
            return found;
        });
        assertThat(hits).isZero();
    }

    @Test
    void queriesAreQuotedSoPunctuationIsNeverSyntax() {
        assertThat(SearchQuery.parse("budget").fts5()).isEqualTo("\"budget\"");
        assertThat(SearchQuery.parse("a@b.test wom* from:\"Ann Archer\" say\"hi").fts5())
                .isEqualTo("\"a@b.test\" AND \"wom\"* AND sender : \"Ann Archer\" AND \"say\"\"hi\"");
        assertThat(SearchQuery.parse("other:x").fts5()).isEqualTo("\"other:x\"");
        assertThatThrownBy(() -> SearchQuery.parse("   ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.search().search("NOT OR AND ( ) * : ^", 10)).isEmpty();
    }

    private void add(byte[] raw, String internalDate) {
        store.messages().add(inbox.id(), StoreFixture.incoming(raw, Instant.parse(internalDate)));
    }

    private static List<String> subjects(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::subject).toList();
    }
}
