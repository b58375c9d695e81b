package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.CliRun;
import org.sealmail.mailstore.db.SqliteMailStore;

/**
 * The demo on awkward machines: a demo directory that cannot be written, a store from a newer
 * Sealmail, no display, a taken port. Each gets one clear sentence and its documented exit code
 * (23, 24, 44), never a stack trace.
 */
class DemoAwkwardMachineTest {

    @TempDir
    Path work;

    @Test
    void aDemoDirectoryThatCannotBeWrittenIsRefusedInWordsWithExit23() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-directory"), "x");

        CliRun run = CliRun.of("demo", "--headless", "--home", file.resolve("demo").toString());

        assertThat(run.exitCode()).isEqualTo(23);
        assertThat(run.err()).isEqualTo("sealmail demo: the demo directory " + file.resolve("demo")
                + " cannot be written (Not a directory); give another with --home DIR" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDemoDirectoryThatIsAFileIsRefusedInWordsWithExit23() throws Exception {
        Path file = Files.writeString(work.resolve("plain-file"), "x");

        CliRun run = CliRun.of("demo", "--headless", "--home", file.toString());

        assertThat(run.exitCode()).isEqualTo(23);
        assertThat(run.err()).contains("the demo directory " + file + " is a file, not a directory")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aStoreFromANewerSealmailStopsTheDemoWithExit24AndBothVersionsNamed() throws Exception {
        Path home = work.resolve("demo");
        try (SqliteMailStore store = SqliteMailStore.open(home.resolve("alice"))) {
            store.folders().localFolder("Inbox");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + home.resolve("alice").resolve(SqliteMailStore.FILE_NAME));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success)"
                    + " SELECT 99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, installed_by, installed_on,"
                    + " 1, 1 FROM flyway_schema_history WHERE version = '1'");
        }

        CliRun run = CliRun.of("demo", "--headless", "--home", home.toString(), "--imap-port", "0", "--smtp-port", "0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(24);
        assertThat(run.err()).startsWith("sealmail demo: ").contains("newer Sealmail").contains("schema version 99")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).contains("[ ok ] mail servers: ").doesNotContain("[ ok ] profiles");
    }

    @Test
    void theDesktopDemoWithoutDisplaySaysSoAndSuggestsTheHeadlessDemo() throws Exception {
        for (List<String> args : List.of(List.of("--demo"), List.of("demo"))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                    System.getProperty("java.class.path"), "org.sealmail.app.Main", "--profile", work.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
            builder.redirectErrorStream(true);
            Process process = builder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            process.getInputStream().transferTo(output);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(args.toString()).isEqualTo(44);
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("sealmail demo: cannot open the demo window:"
                    + " no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run the same demo without a"
                    + " window: sealmail demo --headless" + System.lineSeparator()).doesNotContain("\tat ");
            assertThat(Files.exists(work.resolve("demo"))).as("nothing made without a window").isFalse();
        }
    }

    @Test
    void aTakenPortIsNamedWithTheProcessHoldingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(PortHolder.isFree(port)).isFalse();
            if (Files.isReadable(Path.of("/proc/net/tcp"))) {
                assertThat(PortHolder.ofThisMachine().describe(port)).hasValueSatisfying(holder -> assertThat(holder)
                        .startsWith("process " + ProcessHandle.current().pid() + " (").contains("java"));
            }
        }
        int free = PortHolder.anyFreePort();
        assertThat(PortHolder.isFree(free)).isTrue();
        assertThat(PortHolder.ofThisMachine().describe(free)).isEmpty();
    }
}
