package org.sealmail.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;

/**
 * {@code sealmail FILE.eml}, as the desktop's .eml association runs it: the message lands in the
 * local folder "Opened files" (once, however often it is opened) before the window opens; without
 * a display the program still says so and exits 44.
 */
class OpenedMessageFilesTest {

    @TempDir
    Path work;

    @Test
    void anOpenedMessageFileIsKeptOnceInOpenedFiles() throws Exception {
        Path eml = Files.writeString(work.resolve("note.eml"), "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\n"
                + "Subject: Opened from the file manager\r\nDate: Sun, 29 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <opened-1@example.org>\r\n\r\nHello Bob.\r\n");
        Path profile = work.resolve("profile");

        for (int i = 0; i < 2; i++) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "org.sealmail.app.Main", "--profile", profile.toString(), eml.toString()));
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
            builder.redirectErrorStream(true);
            Process process = builder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            process.getInputStream().transferTo(output);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output.toString(StandardCharsets.UTF_8)).isEqualTo(44);
        }

        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder opened = store.folders().findByName(null, OpenedMessageFiles.FOLDER).orElseThrow();
            assertThat(store.messages().count(opened.id())).isEqualTo(1);
            assertThat(store.messages().newest(opened.id(), 0, 5).get(0).subject()).isEqualTo("Opened from the file manager");
        }
    }

    @Test
    void anArgumentThatIsNeitherACommandNorAFileNorAMailtoLinkIsAUsageError() {
        org.sealmail.app.cli.CliRun run = org.sealmail.app.cli.CliRun.of("--profile", work.toString(), "snyc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sealmail: 'snyc' is neither a command, a message file nor a mailto: link");
        assertThat(Files.exists(work.resolve(SqliteMailStore.FILE_NAME))).isFalse();
    }
}
