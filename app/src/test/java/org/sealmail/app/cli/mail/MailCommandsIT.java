package org.sealmail.app.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.SealmailCommand;
import picocli.CommandLine;

/**
 * The CLI against the real Dovecot + Postfix of {@code shared/scripts/mailservers.sh} (STARTTLS on
 * both, the servers' test CA given with --ca-file): alice sends, carol is idling and gets the message (carol: no other test fills her mailbox).
 * Skipped when MAILSRV_* is not set.
 */
class MailCommandsIT {

    @TempDir
    Path profile;

    @TempDir
    Path work;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(Arrays.asList(args));
        CommandLine cli = SealmailCommand.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(all.toArray(new String[0]));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void aliceSendsThroughPostfixAndIdlingCarolReceives() throws Exception {
        String host = System.getenv("MAILSRV_HOST");
        assumeTrue(host != null, "mail servers not started (shared/scripts/mailservers.sh)");
        Path pass = Files.writeString(work.resolve("pass"), System.getenv("MAILSRV_PASSWORD") + "\n");
        Path master = Files.writeString(work.resolve("master"), "master\n");
        for (String user : List.of("alice", "carol")) {
            Run added = run("account", "add", "--email", user + "@example.test",
                    "--imap", host + ":" + System.getenv("MAILSRV_IMAP_PORT"),
                    "--smtp", host + ":" + System.getenv("MAILSRV_SUBMISSION_PORT"),
                    "--ca-file", System.getenv("MAILSRV_CA"), "--pass-file", pass.toString(),
                    "--master-pass-file", master.toString());
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out()).contains("(STARTTLS) works");
        }
        assertThat(run("sync", "--account", "carol@example.test", "--master-pass-file", master.toString()).code()).isZero();
        CompletableFuture<Run> idling = CompletableFuture.supplyAsync(() -> run("sync", "--account", "carol@example.test",
                "--idle", "--idle-seconds", "8", "--master-pass-file", master.toString()));
        Thread.sleep(2500);
        String subject = "cli " + UUID.randomUUID();
        Path body = Files.writeString(work.resolve("body.txt"), "hello from the command line\n");

        Run sent = run("send", "--from", "alice@example.test", "--to", "carol@example.test", "--subject", subject,
                "--body-file", body.toString(), "--master-pass-file", master.toString());

        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        Run idle = idling.get();
        assertThat(idle.code()).as(idle.err()).isZero();
        assertThat(idle.out()).contains("carol@example.test: watching INBOX (IDLE)").contains("carol@example.test/INBOX: +1 new");
        Run search = run("store", "search", subject.substring(4));
        assertThat(search.out()).contains(subject);
    }
}
