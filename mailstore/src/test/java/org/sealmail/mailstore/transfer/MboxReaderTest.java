package org.sealmail.mailstore.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.TestResources;

class MboxReaderTest {

    @Test
    void splitsTheMime4jMboxIntoItsExpectedMessages() throws Exception {
        List<MboxReader.Entry> entries = read(TestResources.bytes("james-mime4j/mbox.rlug"));
        assertThat(entries).hasSize(5);
        for (int i = 0; i < 5; i++) {
            byte[] expected = TestResources.bytes("james-mime4j/mbox.rlug-" + i);
            // mime4j keeps the separator blank line; RFC 4155 (and Python's mailbox.mbox) drop it
            assertThat(entries.get(i).raw()).isEqualTo(Arrays.copyOf(expected, expected.length - 1));
            assertThat(entries.get(i).fromLine()).isEqualTo("From news@gmane.org Tue Mar 04 03:33:20 2003");
        }
        assertThat(entries.get(1).offset()).isEqualTo(lineOffset(TestResources.bytes("james-mime4j/mbox.rlug"), 95));
    }

    @Test
    void countsMessagesAsGrepAndPythonMailboxDo() throws Exception {
        // grep -c '^From ' and Python's mailbox.mbox agree on these counts
        assertThat(read(TestResources.bytes("mimekit/simple.mbox.txt"))).hasSize(3);
        assertThat(read(TestResources.bytes("mimekit/issue1189.mbox.txt"))).hasSize(4);
        assertThat(read(TestResources.bytes("sisimai/mbox-0"))).hasSize(37);
        assertThat(read(TestResources.bytes("spamassassin/spamassassin-first150.mbox"))).hasSize(150);
    }

    @Test
    void skipsAByteOrderMarkAndSplitsAtEveryFromLine() throws Exception {
        // unmunged.mbox.txt starts with a UTF-8 BOM and has unquoted "From Russia with love" body
        // lines: as an RFC 4155 reader must, each such line starts a new message (4 in all)
        List<MboxReader.Entry> entries = read(TestResources.bytes("mimekit/unmunged.mbox.txt"));
        assertThat(entries).extracting(MboxReader.Entry::fromLine)
                .containsExactly("From -", "From Russia with love", "From -", "From Russia with love");
        assertThat(entries.get(0).offset()).isEqualTo(3);
    }

    @Test
    void unquotesMboxrdFromLinesAndKeepsCrlf() throws Exception {
        String mbox = "From a@example.test Thu Aug 22 12:36:23 2002\r\n"
                + "Subject: one\r\n\r\n>From here\r\n>>From there\r\n>Fromage\r\n\r\n"
                + "From b@example.test Thu Aug 22 12:36:24 2002\r\n"
                + "Subject: two\r\n\r\nlast line without break";
        List<MboxReader.Entry> entries = read(mbox.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(entries.get(0).raw(), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: one\r\n\r\nFrom here\r\n>From there\r\n>Fromage\r\n");
        assertThat(new String(entries.get(1).raw(), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: two\r\n\r\nlast line without break");
    }

    @Test
    void readsAnMboxWithClassicMacCrOnlyLineEndsWithoutLosingAByte() throws Exception {
        // before: the whole file was one "From " line and the single message was empty
        String mbox = "From a@example.test Thu Aug 22 12:36:23 2002\r"
                + "Subject: one\r\r>From here\rbody one\r\r"
                + "From b@example.test Thu Aug 22 12:36:24 2002\r"
                + "Subject: two\r\rbody two\r";
        List<MboxReader.Entry> entries = read(mbox.getBytes(StandardCharsets.US_ASCII));
        assertThat(entries).extracting(MboxReader.Entry::fromLine)
                .containsExactly("From a@example.test Thu Aug 22 12:36:23 2002", "From b@example.test Thu Aug 22 12:36:24 2002");
        assertThat(new String(entries.get(0).raw(), StandardCharsets.US_ASCII)).isEqualTo("Subject: one\r\rFrom here\rbody one\r");
        assertThat(new String(entries.get(1).raw(), StandardCharsets.US_ASCII)).isEqualTo("Subject: two\r\rbody two\r");
        assertThat(entries.get(1).offset()).isEqualTo(mbox.indexOf("From b"));
        assertThat(new org.sealmail.mailstore.messages.MessageParser().parse(entries.get(1).raw()).subject()).isEqualTo("two");
    }

    @Test
    void aStrayCrInAnLfMboxNeitherSplitsLinesNorStartsAMessage() throws Exception {
        String mbox = "From a@example.test Thu Aug 22 12:36:23 2002\n"
                + "Subject: one\n\nbinary\rFrom not a separator\n";
        List<MboxReader.Entry> entries = read(mbox.getBytes(StandardCharsets.US_ASCII));
        assertThat(entries).hasSize(1);
        assertThat(new String(entries.get(0).raw(), StandardCharsets.US_ASCII))
                .isEqualTo("Subject: one\n\nbinary\rFrom not a separator\n");
    }

    @Test
    void aFileNotStartingWithAFromLineIsNotAnMbox() {
        byte[] eml = "Subject: hello\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> read(eml)).isInstanceOf(StoreException.class).hasMessageContaining("not an mbox file");
    }

    @Test
    void anEmptyFileHasNoMessages() throws Exception {
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackByteForByte() throws Exception {
        List<byte[]> originals = new ArrayList<>();
        for (MboxReader.Entry entry : read(TestResources.bytes("spamassassin/spamassassin-first150.mbox"))) {
            originals.add(entry.raw());
        }
        originals.add("Subject: x\r\n\r\nFrom the start\r\n>From quoted\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MboxWriter writer = new MboxWriter(out)) {
            for (byte[] raw : originals) {
                writer.write("someone@example.test", java.time.Instant.parse("2002-08-22T12:36:23Z"), raw);
            }
        }
        List<MboxReader.Entry> again = read(out.toByteArray());
        assertThat(again).hasSize(originals.size());
        for (int i = 0; i < originals.size(); i++) {
            assertThat(again.get(i).raw()).isEqualTo(originals.get(i));
        }
        assertThat(again.get(0).fromLine()).isEqualTo("From someone@example.test Thu Aug 22 12:36:23 2002");
    }

    @Test
    void readsTheDateOfAFromLine() {
        assertThat(FromLineDate.parse("From exmh-workers-admin@redhat.com  Thu Aug 22 12:36:23 2002"))
                .isEqualTo(java.time.Instant.parse("2002-08-22T12:36:23Z"));
        assertThat(FromLineDate.parse("From -")).isNull();
    }

    static List<MboxReader.Entry> read(byte[] mbox) throws Exception {
        List<MboxReader.Entry> entries = new ArrayList<>();
        try (MboxReader reader = new MboxReader(new ByteArrayInputStream(mbox), "test.mbox")) {
            MboxReader.Entry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static long lineOffset(byte[] file, int lineNumber) {
        int line = 1;
        for (int i = 0; i < file.length; i++) {
            if (line == lineNumber) {
                return i;
            }
            if (file[i] == '\n') {
                line++;
            }
        }
        throw new IllegalArgumentException("no line " + lineNumber);
    }
}
