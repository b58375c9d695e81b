package org.sealmail.mailstore.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.TestResources;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.StoredMessage;

class MailImporterTest {

    @TempDir
    Path profile;

    @TempDir
    Path work;

    private SqliteMailStore store;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importsEveryMessageOfARealMboxOnceAndRecognizesThemTheSecondTime() {
        Folder folder = store.folders().localFolder("SpamAssassin");
        Path mbox = TestResources.path("spamassassin/spamassassin-first150.mbox");
        List<Long> progress = new ArrayList<>();

        ImportReport first = store.importer().importMbox(mbox, folder.id(), (messages, bytes, total) -> progress.add(messages));
        ImportReport second = store.importer().importMbox(mbox, folder.id(), ImportProgress.NONE);

        // grep -c '^From ' = 150, and Python's mailbox.mbox finds 150 distinct messages (SOURCE.md)
        assertThat(first.imported()).isEqualTo(150);
        assertThat(first.duplicates()).isZero();
        assertThat(first.malformed()).isZero();
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(150);
        assertThat(store.messages().count(folder.id())).isEqualTo(150);
        assertThat(progress).isSorted().last().isEqualTo(150L);
    }

    @Test
    void keepsMalformedMessagesRawWithAWarningAndCountsThem() throws Exception {
        Folder folder = store.folders().localFolder("Malformed");
        Path directory = TestResources.path("stalwart-mail-parser/malformed");

        ImportReport report = store.importer().importEml(directory, folder.id(), ImportProgress.NONE);

        // 23 files; 009.eml and 011.eml are identical (sha256sum), so one duplicate. Checked by hand:
        // 010 (nested message/rfc822), 015 (multipart/signed with a bogus PGP signature, MIME intact)
        // and 018 (quoted-printable text) are well-formed MIME; every other file is broken, e.g.
        // 002 never uses its boundary "ab", 014 lacks the close delimiter "--1--", 017 lacks the ';'
        // before boundary=, 022 attaches a message/rfc822 that has no header.
        assertThat(report.imported()).isEqualTo(22);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.malformed()).isEqualTo(19);
        assertThat(report.warnings()).extracting(ImportWarning::source)
                .doesNotContain("010.eml", "015.eml", "018.eml", "011.eml")
                .contains("002.eml", "014.eml", "017.eml", "022.eml");
        for (ImportWarning warning : report.warnings()) {
            byte[] original = Files.readAllBytes(directory.resolve(warning.source()));
            assertThat(store.messages().raw(warning.messageId())).hasValue(original);
            assertThat(store.messages().find(warning.messageId()).map(StoredMessage::parseWarning)).hasValue(warning.warning());
        }
    }

    @Test
    void aMessageSplitOffByAnUnquotedFromLineIsKeptWithAWarning() {
        Folder folder = store.folders().localFolder("Unmunged");
        ImportReport report = store.importer().importMbox(TestResources.path("mimekit/unmunged.mbox.txt"), folder.id(),
                ImportProgress.NONE);
        // 4 From lines (see MboxReaderTest). Of the two "From Russia with love" chunks, the first
        // starts with a blank line (no header section); the second starts with "Year: 1963", which
        // is a syntactically valid header field, so only the first is malformed
        assertThat(report.imported()).isEqualTo(4);
        assertThat(report.malformed()).isEqualTo(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.source()).isEqualTo("unmunged.mbox.txt@195");
            assertThat(w.warning()).contains("does not start with a header field");
        });
    }

    @Test
    void exportThenReimportGivesTheSameMessagesByteForByte() throws Exception {
        Folder source = store.folders().localFolder("Source");
        store.importer().importMbox(TestResources.path("spamassassin/spamassassin-first150.mbox"), source.id(), ImportProgress.NONE);
        store.importer().importMbox(TestResources.path("james-mime4j/mbox.rlug"), source.id(), ImportProgress.NONE);
        Path exported = work.resolve("export.mbox");

        ExportReport export = store.exporter().export(source.id(), exported, ImportProgress.NONE);
        Folder copy = store.folders().localFolder("Copy");
        ImportReport again = store.importer().importMbox(exported, copy.id(), ImportProgress.NONE);

        assertThat(export.exported()).isEqualTo(155);
        assertThat(again.imported()).isEqualTo(155);
        assertThat(again.duplicates()).isZero();
        assertThat(Files.readAllLines(exported, java.nio.charset.StandardCharsets.ISO_8859_1))
                .filteredOn(line -> line.startsWith("From ")).hasSize(155);
        List<Long> original = store.messages().idsOldestFirst(source.id());
        List<Long> copied = store.messages().idsOldestFirst(copy.id());
        for (int i = 0; i < original.size(); i++) {
            assertThat(store.messages().raw(copied.get(i))).hasValue(store.messages().raw(original.get(i)).orElseThrow());
            assertThat(store.messages().find(copied.get(i)).map(StoredMessage::internalDate))
                    .isEqualTo(store.messages().find(original.get(i)).map(StoredMessage::internalDate));
        }
    }

    @Test
    void anExportNeverOverwritesAFile() throws Exception {
        Folder folder = store.folders().localFolder("Any");
        Path existing = Files.writeString(work.resolve("keep.mbox"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.exporter().export(folder.id(), existing, ImportProgress.NONE))
                .hasMessageContaining("exists already");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void theInternalDateOfAnMboxMessageIsItsFromLineDate() {
        Folder folder = store.folders().localFolder("Dates");
        store.importer().importMbox(TestResources.path("james-mime4j/mbox.rlug"), folder.id(), ImportProgress.NONE);
        Optional<StoredMessage> newest = store.messages().newest(folder.id(), 0, 1).stream().findFirst();
        // every From line of mbox.rlug reads "Tue Mar 04 03:33:20 2003"
        assertThat(newest.map(StoredMessage::internalDate)).hasValue(java.time.Instant.parse("2003-03-04T03:33:20Z"));
    }
}
