package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.CliRun;

/**
 * {@code sealmail demo --headless} in this JVM, on the in-process GreenMail: every step of the story
 * is printed and holds (DESIGN.md: Do Not Forward grants VIEW, REPLY, REPLYALL only; Encrypt every
 * right but EXPORT and OWNER; S/MIME per RFC 8551), exit 0. A taken port moves the server and names
 * the process that holds it; servers that cannot be reached fail the story at the sending step with
 * exit 60.
 */
class HeadlessDemoIT {

    /** The steps of the story, in order (DemoStory). */
    static final List<String> STEPS = List.of("demo keys", "mail servers", "profiles", "alice sends Do Not Forward",
            "alice sends Encrypt", "alice sends S/MIME signed+encrypted", "bob syncs INBOX", "nothing readable on the wire",
            "bob opens Do Not Forward", "Do Not Forward: forward, copy, print refused; reply allowed", "bob opens Encrypt",
            "Encrypt: forward, copy, print allowed", "bob opens S/MIME signed+encrypted");

    @TempDir
    Path home;

    @Test
    void everyStepHoldsAndATakenPortMovesToAFreeOneNamingItsHolder() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            CliRun run = CliRun.of("demo", "--headless", "--home", home.toString(), "--imap-port", String.valueOf(port),
                    "--smtp-port", "0");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("note: IMAPS port " + port + " is in use by process "
                    + ProcessHandle.current().pid() + " (");
            List<String> lines = run.out().lines().filter(line -> line.startsWith("[")).toList();
            assertThat(lines).hasSize(STEPS.size());
            for (int i = 0; i < STEPS.size(); i++) {
                assertThat(lines.get(i)).startsWith("[ ok ] " + STEPS.get(i) + ": ");
            }
            assertThat(run.out()).contains("rights [REPLY, REPLYALL, VIEW]")
                    .contains("forward, copy and print refused by the reader")
                    .contains("forward opened the composer, copy reached the clipboard, print reached the printer")
                    .contains("signature by alice@demo.sealmail.test valid")
                    .doesNotContain("IMAP 127.0.0.1:" + port + " ")
                    .endsWith("Demo complete: every step held." + System.lineSeparator());
            assertThat(Files.isRegularFile(home.resolve("bob").resolve("sealmail.db"))).isTrue();
        }
    }

    @Test
    void unreachableServersFailTheStoryAtTheFirstSendAndExit60() throws Exception {
        Path ca = Files.writeString(home.resolve("ca.pem"), org.sealmail.crypto.keys.CertificateFiles.toPem(
                List.of(org.sealmail.crypto.testing.TestPki.get().root.issuer().certificate())));
        Path pass = Files.writeString(home.resolve("pass"), "secret\n");
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }

        CliRun run = CliRun.of("demo", "--headless", "--home", home.resolve("demo").toString(),
                "--imap", "127.0.0.1:" + closed, "--smtp", "127.0.0.1:" + closed, "--ca-file", ca.toString(),
                "--alice", "alice@example.test", "--bob", "bob@example.test",
                "--alice-pass-file", pass.toString(), "--bob-pass-file", pass.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(60);
        assertThat(run.out()).contains("[ ok ] profiles: ").contains("[FAIL] alice sends Do Not Forward: ")
                .doesNotContain("bob syncs").doesNotContain("Demo complete");
        assertThat(run.err()).contains("sealmail demo: the demo failed at step 'alice sends Do Not Forward'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
