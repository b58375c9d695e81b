package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same story as {@link HeadlessDemoIT}, run as its own {@code sealmail} process against the real
 * Dovecot (IMAP, STARTTLS) and Postfix (submission, STARTTLS + AUTH) that
 * {@code shared/scripts/mailservers.sh} starts; the passwords come from the environment
 * ({@code --alice-pass-env}), never from the command line. Skipped when MAILSRV_* is not set.
 */
class HeadlessDemoRealServersIT {

    @TempDir
    Path home;

    @Test
    void theStoryHoldsOnDovecotAndPostfix() throws Exception {
        String host = System.getenv("MAILSRV_HOST");
        assumeTrue(host != null, "mail servers not started (shared/scripts/mailservers.sh)");
        String domain = System.getenv().getOrDefault("MAILSRV_DOMAIN", "example.test");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.sealmail.app.Main", "demo", "--headless", "--home", home.toString(),
                "--imap", host + ":" + System.getenv("MAILSRV_IMAP_PORT"),
                "--smtp", host + ":" + System.getenv("MAILSRV_SUBMISSION_PORT"),
                "--ca-file", System.getenv("MAILSRV_CA"),
                "--alice", "alice@" + domain, "--bob", "bob@" + domain,
                "--alice-pass-env", "MAILSRV_PASSWORD", "--bob-pass-env", "MAILSRV_PASSWORD"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = output.toString(StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        List<String> lines = printed.lines().filter(line -> line.startsWith("[")).toList();
        assertThat(lines).hasSize(HeadlessDemoIT.STEPS.size());
        for (int i = 0; i < HeadlessDemoIT.STEPS.size(); i++) {
            assertThat(lines.get(i)).startsWith("[ ok ] " + HeadlessDemoIT.STEPS.get(i) + ": ");
        }
        assertThat(printed).contains("mail servers: IMAP " + host + ":" + System.getenv("MAILSRV_IMAP_PORT") + " (STARTTLS)")
                .contains("signature by alice@" + domain + " valid")
                .contains("Demo complete: every step held.");
    }
}
