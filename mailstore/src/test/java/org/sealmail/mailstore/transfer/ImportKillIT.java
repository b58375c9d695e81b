package org.sealmail.mailstore.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.messages.IncomingMessage;
import org.sealmail.mailstore.messages.RawMessageCompression;

/**
 * Kills an importing process with SIGKILL midway and checks that the store is intact: SQLite's
 * integrity check passes, every message is whole (row, raw bytes matching their hash, index
 * entry), and importing again ends with exactly the right count and no duplicates.
 */
class ImportKillIT {

    private static final int MESSAGES = 20_000;
    private static final long KILL_AFTER = 3_000;

    @TempDir
    Path profile;

    @TempDir
    Path work;

    @Test
    void aKilledImportLeavesAWholeStoreAndResumesToTheExactCount() throws Exception {
        Path mbox = generateMbox(work.resolve("large.mbox"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
                profile.toString(), mbox.toString(), "Large")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastSeen = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastSeen = Long.parseLong(line.substring("committed ".length()));
                    if (lastSeen >= KILL_AFTER) {
                        child.destroyForcibly(); // SIGKILL on Linux
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(lastSeen).isGreaterThanOrEqualTo(KILL_AFTER);

        long committed;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMailStore.FILE_NAME));
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "PRAGMA integrity_check")).isEqualTo("ok");
            committed = Long.parseLong(single(statement, "SELECT count(*) FROM message"));
            assertThat(committed).isBetween(lastSeen, (long) MESSAGES - 1);
            assertThat(committed % MailImporter.BATCH).as("whole batches only").isZero();
            assertThat(single(statement, "SELECT count(*) FROM message_raw")).isEqualTo(String.valueOf(committed));
            assertThat(single(statement, "SELECT count(*) FROM message_fts_docsize")).isEqualTo(String.valueOf(committed));
            assertThat(single(statement, "SELECT count(*) FROM message m LEFT JOIN message_raw r ON r.message_id = m.id"
                    + " WHERE r.message_id IS NULL")).isEqualTo("0");
            try (ResultSet row = statement.executeQuery(
                    "SELECT m.size, m.content_hash, r.compressed FROM message m JOIN message_raw r ON r.message_id = m.id")) {
                while (row.next()) {
                    byte[] raw = RawMessageCompression.decompress(row.getBytes(3), row.getLong(1));
                    assertThat(IncomingMessage.sha256(raw)).isEqualTo(row.getBytes(2));
                }
            }
        }

        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            long folder = store.folders().localFolder("Large").id();
            ImportReport again = store.importer().importMbox(mbox, folder, ImportProgress.NONE);
            assertThat(again.duplicates()).isEqualTo(committed);
            assertThat(again.imported()).isEqualTo(MESSAGES - committed);
            assertThat(store.messages().count(folder)).isEqualTo(MESSAGES);
            long distinct = store.database().read("distinct", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return Long.parseLong(single(statement, "SELECT count(DISTINCT message_id) FROM message"));
                }
            });
            assertThat(distinct).isEqualTo(MESSAGES);
            String check = store.database().read("check", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return single(statement, "PRAGMA integrity_check");
                }
            });
            assertThat(check).isEqualTo("ok");
        }
    }

    private static Path generateMbox(Path file) throws Exception {
        List<String> words = List.of("alpha", "budget", "meeting", "invoice", "lunch", "report", "travel", "server", "release");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < MESSAGES; i++) {
                out.write("From sender" + (i % 97) + "@example.test Mon Jan 05 10:" + String.format("%02d", i % 60) + ":00 2026\n");
                out.write("From: Sender " + (i % 97) + " <sender" + (i % 97) + "@example.test>\n");
                out.write("To: team@example.test\nSubject: " + words.get(i % words.size()) + " number " + i + "\n");
                out.write("Message-ID: <gen-" + i + "@example.test>\nDate: Mon, 5 Jan 2026 10:00:00 +0000\n\n");
                for (int line = 0; line < 8; line++) {
                    out.write("Line " + line + " of message " + i + " about " + words.get((i + line) % words.size()) + ".\n");
                }
                out.write("\n");
            }
        }
        return file;
    }

    private static String single(Statement statement, String sql) throws java.sql.SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
