package org.sealmail.app.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import picocli.CommandLine;

class StoreCommandTest {

    @TempDir
    Path profile;

    @TempDir
    Path work;

    private String out;
    private String err;

    @Test
    void importsSearchesAndCounts() throws Exception {
        Path mbox = work.resolve("three.mbox");
        Files.writeString(mbox, mbox(), StandardCharsets.US_ASCII);

        assertThat(run("--profile", profile.toString(), "store", "import", "--mbox", mbox.toString(), "--folder", "Old mail"))
                .isEqualTo(0);
        assertThat(out).contains("Imported 3 messages into folder 'Old mail' (0 duplicates skipped, 1 malformed kept raw");
        assertThat(out).contains("malformed: three.mbox@");

        // the option also works after the subcommand (inherited)
        assertThat(run("store", "import", "--mbox", mbox.toString(), "--folder", "Old mail", "--profile", profile.toString()))
                .isEqualTo(0);
        assertThat(out).contains("Imported 0 messages").contains("3 duplicates skipped");

        assertThat(run("--profile", profile.toString(), "store", "search", "budget")).isEqualTo(0);
        assertThat(out.lines()).containsExactly(
                "2026-01-02 10:00  Carl <carl@example.test>  Re: Budget  [Old mail]",
                "2026-01-01 10:00  Ann <ann@example.test>  Budget  [Old mail]");

        assertThat(run("--profile", profile.toString(), "store", "search", "nothing-like-it")).isEqualTo(0);
        assertThat(out).isEmpty();
        assertThat(err).contains("No message matches");

        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(0);
        assertThat(out).contains("Messages: 3").contains("Folders: 1").contains("  Old mail: 3").contains("Size on disk: ")
                .contains(profile.resolve("sealmail.db").toString()).contains("(schema 2)");
    }

    @Test
    void importsADirectoryOfEmlFiles() throws Exception {
        Files.writeString(work.resolve("a.eml"), "From: a@example.test\nSubject: first eml\nMessage-ID: <a@x>\n\nhello\n");
        Files.writeString(work.resolve("b.eml"), "From: b@example.test\nSubject: second eml\nMessage-ID: <b@x>\n\nhello\n");
        Files.writeString(work.resolve("notes.txt"), "not mail");
        assertThat(run("--profile", profile.toString(), "store", "import", "--eml", work.toString(), "--folder", "Eml")).isEqualTo(0);
        assertThat(out).contains("Imported 2 messages into folder 'Eml' (0 duplicates skipped, 0 malformed");
    }

    @Test
    void aFileThatIsNotAStoreGivesExitCode22AndStaysUntouched() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Files.write(profile.resolve("sealmail.db"), garbage);
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(ExitCode.STORE.code()).isEqualTo(23);
        assertThat(err).startsWith("sealmail stats: ").contains("not an SQLite database").doesNotContain("Exception");
        assertThat(Files.readAllBytes(profile.resolve("sealmail.db"))).isEqualTo(garbage);
    }

    @Test
    void aStoreFromANewerSealmailGivesExitCode24() throws Exception {
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(0);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve("sealmail.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) SELECT 99, '9', 'next', 'SQL',"
                    + " 'V9__next.sql', 1, installed_by, installed_on, 1, 1 FROM flyway_schema_history WHERE version = '1'");
        }
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(24);
        assertThat(err).contains("newer Sealmail").contains("Upgrade Sealmail");
    }

    @Test
    void aFileThatIsNotAnMboxIsMalformedInput() throws Exception {
        Path notMbox = Files.writeString(work.resolve("x.eml"), "Subject: x\n\nbody\n");
        assertThat(run("--profile", profile.toString(), "store", "import", "--mbox", notMbox.toString(), "--folder", "F"))
                .isEqualTo(ExitCode.MALFORMED_INPUT.code());
        assertThat(err).contains("not an mbox file");
    }

    @Test
    void usageErrorsAreExitCode2() {
        assertThat(run("--profile", profile.toString(), "store", "import", "--folder", "F")).isEqualTo(2);
        assertThat(run("--profile", profile.toString(), "store", "search", "   ")).isEqualTo(2);
        assertThat(err).contains("no word to look for");
    }

    @Test
    void searchResultsCannotDriveTheTerminal() throws Exception {
        // an encoded-word subject may carry ESC and other control characters (RFC 2047 allows any octet):
        // printed raw they would clear the screen, retitle the window or hide text
        Path mbox = work.resolve("escape.mbox");
        Files.writeString(mbox, "From evil@example.test Thu Jan 01 10:00:00 2026\n"
                + "From: =?UTF-8?Q?Ev=1B]0=3Bpwned=07il?= <evil@example.test>\n"
                + "Subject: =?UTF-8?Q?invoice=1B[2J=1B[31m_red=E2=80=AEtxt.exe?=\nMessage-ID: <e@example.test>\n\nsee invoice\n",
                StandardCharsets.US_ASCII);
        assertThat(run("--profile", profile.toString(), "store", "import", "--mbox", mbox.toString(), "--folder", "In\u001b[8m"))
                .isEqualTo(0);
        assertThat(out).doesNotContain("\u001b");
        assertThat(run("--profile", profile.toString(), "store", "search", "invoice")).isEqualTo(0);
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                .contains("invoice").contains("red").contains("evil@example.test");
        assertThat(out.lines()).hasSize(1);
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(0);
        assertThat(out).doesNotContain("\u001b");
    }

    @Test
    void aDirectoryWithFilesButNoEmlFileIsRefusedInsteadOfImportingNothing() throws Exception {
        Files.writeString(work.resolve("one.msg"), "From: a@example.test\nSubject: one\n\nbody\n");
        Files.writeString(work.resolve("two.msg"), "From: b@example.test\nSubject: two\n\nbody\n");
        assertThat(run("--profile", profile.toString(), "store", "import", "--eml", work.toString(), "--folder", "Msg"))
                .isEqualTo(ExitCode.MALFORMED_INPUT.code());
        assertThat(err).contains("no .eml file").contains("2 other files").doesNotContain("Exception");
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(0);
        assertThat(out).contains("Folders: 0");
    }

    @Test
    void aMissingInputFileIsNamedAndNoFolderIsLeftBehind() {
        Path missing = work.resolve("missing.mbox");
        assertThat(run("--profile", profile.toString(), "store", "import", "--mbox", missing.toString(), "--folder", "Lost"))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err.strip()).isEqualTo("sealmail import: " + missing + " does not exist");
        assertThat(run("--profile", profile.toString(), "store", "import", "--eml", missing.toString(), "--folder", "Lost"))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err.strip()).isEqualTo("sealmail import: " + missing + " does not exist");
        assertThat(run("--profile", profile.toString(), "store", "stats")).isEqualTo(0);
        assertThat(out).contains("Folders: 0");
    }

    @Test
    void aBlankFolderNameIsAUsageError() throws Exception {
        Path eml = Files.writeString(work.resolve("a.eml"), "From: a@example.test\nSubject: a\n\nbody\n");
        assertThat(run("--profile", profile.toString(), "store", "import", "--eml", eml.toString(), "--folder", "  ")).isEqualTo(2);
        assertThat(err).contains("--folder").contains("blank").doesNotContain("Exception");
    }

    private int run(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine commandLine = SealmailCommand.commandLine();
        commandLine.setOut(new PrintWriter(outText, true));
        commandLine.setErr(new PrintWriter(errText, true));
        int code = commandLine.execute(args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private static String mbox() {
        return "From ann@example.test Thu Jan 01 10:00:00 2026\n"
                + "From: Ann <ann@example.test>\nTo: team@example.test\nSubject: Budget\nMessage-ID: <1@example.test>\n\n"
                + "Numbers for next year.\n\n"
                + "From carl@example.test Fri Jan 02 10:00:00 2026\n"
                + "From: Carl <carl@example.test>\nTo: ann@example.test\nSubject: Re: Budget\nMessage-ID: <2@example.test>\n"
                + "In-Reply-To: <1@example.test>\n\nLooks fine.\n\n"
                + "From MAILER-DAEMON Sat Jan 03 10:00:00 2026\n"
                + "\nthis chunk has no header section\n";
    }
}
