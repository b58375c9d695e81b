package org.sealmail.app.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.rights.http.RightsServer;
import picocli.CommandLine;

/**
 * The command line across two profiles and the real rights server: Alice's profile protects online for Dan
 * (no certificate) and registers; Dan's profile, whose account has the rights server, opens by reading the
 * passcode from his GreenMail INBOX; Alice reads the access log, revokes, and a new profile of Dan's is
 * refused while his first one still opens from its cached use license.
 */
class RightsCommandsIT {

    private static final String DAN = "dan@example.test";

    @TempDir
    Path work;

    private TestGreenMail mail;
    private RightsServer server;
    private String url;
    private Path root;
    private Path keyPass;
    private Path master;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        mail = new TestGreenMail();
        mail.greenMail().setUser(DAN, DAN, TestGreenMail.PASSWORD);
        int port = RightsServers.freePort();
        url = RightsServers.url(port).toString();
        Files.createDirectories(work.resolve("server"));
        server = RightsServers.startRightsServer(work.resolve("server"), port, mail.smtpPort());
        root = RightsServers.tlsTrust(work);
        keyPass = Files.writeString(work.resolve("key-pass"), TestPki.PASSWORD + "\n");
        master = Files.writeString(work.resolve("master"), "master-pass\n");
    }

    @AfterEach
    void stop() {
        server.close();
        mail.close();
    }

    @Test
    void aliceProtectsOnlineDanOpensFromHisMailboxAliceRevokesAndSeesWhoCanStillReadOffline() throws Exception {
        Path alicesKey = TestPki.writeP12(work, "alice", TestPki.get().alice);
        Path message = Files.writeString(work.resolve("message.eml"), "From: Alice Example <alice@example.test>\r\n"
                + "To: dan@example.test\r\nSubject: Board minutes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMinutes of the board meeting.\r\n");
        Path protectedFile = work.resolve("protected.eml");

        Run protect = run("alice", "protect", "--template", "do-not-forward", "--key", alicesKey.toString(), "--pass-file",
                keyPass.toString(), "--in", message.toString(), "--out", protectedFile.toString(), "--online",
                "--rights-server", url, "--rights-trust", root.toString());
        assertThat(protect.code()).as(protect.err()).isZero();
        assertThat(protect.out()).contains("Registered with " + url).contains("for dan@example.test");

        addDansAccount("dan");
        Run open = run("dan", "open", "--in", protectedFile.toString(), "--account", DAN, "--master-pass-file",
                master.toString(), "--passcode-wait", "20");
        assertThat(open.code()).as(open.err()).isZero();
        assertThat(open.out()).contains("Status: opened").contains("Rights granted: VIEW, REPLY, REPLYALL")
                .contains("License: issued by the rights server to this device").contains("Rights server: " + url);

        Run log = run("alice", "rights", "log", protectedFile.toString(), "--key", alicesKey.toString(), "--pass-file",
                keyPass.toString(), "--rights-trust", root.toString());
        assertThat(log.code()).as(log.err()).isZero();
        assertThat(log.out()).containsPattern("dan@example\\.test  api  granted  .*device ")
                .containsPattern("Can still read offline[^\\n]*\\n  dan@example\\.test on device \\S+ until 20");

        Run revoke = run("alice", "rights", "revoke", protectedFile.toString(), "--key", alicesKey.toString(), "--pass-file",
                keyPass.toString(), "--rights-trust", root.toString(), "--reason", "sent to the wrong list");
        assertThat(revoke.code()).as(revoke.err()).isZero();
        assertThat(revoke.out()).containsPattern("Revoked: 20\\S+ \\(sent to the wrong list\\)")
                .contains("  dan@example.test on device ");

        addDansAccount("dan-phone");
        Run denied = run("dan-phone", "open", "--in", protectedFile.toString(), "--account", DAN, "--master-pass-file",
                master.toString(), "--passcode-wait", "20");
        assertThat(denied.code()).as(denied.out() + denied.err()).isEqualTo(ExitCode.REVOKED.code());
        assertThat(denied.out()).contains("Status: revoked");
        assertThat(denied.err()).contains("revoked").contains("sent to the wrong list");

        Run cached = run("dan", "open", "--in", protectedFile.toString(), "--account", DAN, "--master-pass-file",
                master.toString());
        assertThat(cached.code()).as(cached.err()).isZero();
        assertThat(cached.out()).contains("License: cached use license");

        Run unknown = run("alice", "rights", "status", "0d2c53fe-52cf-4f5b-b0ea-ef2f0b5a8e0c", "--rights-server", url,
                "--key", alicesKey.toString(), "--pass-file", keyPass.toString(), "--rights-trust", root.toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.RIGHTS_SERVER_REFUSED.code());
        assertThat(unknown.err()).contains("UNKNOWN_MESSAGE");
    }

    @Test
    void sealmailSendProtectsForARecipientWithoutCertificateThroughTheProfilesRightsServer() throws Exception {
        Path alicesKey = TestPki.writeP12(work, "alice", TestPki.get().alice);
        Path pass = Files.writeString(work.resolve("alice-pass"), TestGreenMail.PASSWORD + "\n");
        Run added = run("alice", "account", "add", "--email", "alice@example.test", "--imap", "127.0.0.1:" + mail.imapsPort(),
                "--imap-tls", "IMPLICIT_TLS", "--smtp", "127.0.0.1:" + mail.smtpsPort(), "--smtp-tls", "IMPLICIT_TLS",
                "--ca-file", root.toString(), "--pass-file", pass.toString(), "--master-pass-file", master.toString(),
                "--rights-server", url, "--rights-trust", root.toString());
        assertThat(added.code()).as(added.err()).isZero();
        Path body = Files.writeString(work.resolve("body.txt"), "Minutes of the board meeting.\n");

        Run sent = run("alice", "send", "--from", "alice@example.test", "--to", DAN, "--subject", "Board minutes",
                "--body-file", body.toString(), "--template", "do-not-forward", "--key", alicesKey.toString(),
                "--key-pass-file", keyPass.toString(), "--master-pass-file", master.toString());

        assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
        assertThat(mail.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
        jakarta.mail.internet.MimeMessage delivered = java.util.Arrays.stream(mail.greenMail().getReceivedMessages())
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals(DAN); }
                        catch (jakarta.mail.MessagingException e) { throw new IllegalStateException(e); } })
                .findFirst().orElseThrow();
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        delivered.writeTo(wire);
        assertThat(wire.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Minutes of the board meeting")
                .contains(url + "/m/");
        Path received = Files.write(work.resolve("received.eml"), wire.toByteArray());

        addDansAccount("dan");
        Run open = run("dan", "open", "--in", received.toString(), "--account", DAN, "--master-pass-file",
                master.toString(), "--passcode-wait", "20");
        assertThat(open.code()).as(open.out() + open.err()).isZero();
        assertThat(open.out()).contains("Status: opened").contains("Rights granted: VIEW, REPLY, REPLYALL")
                .contains("License: issued by the rights server to this device");
    }

    private void addDansAccount(String profile) throws Exception {
        Path pass = Files.writeString(work.resolve("dan-pass"), TestGreenMail.PASSWORD + "\n");
        Run added = run(profile, "account", "add", "--email", DAN, "--imap", "127.0.0.1:" + mail.imapsPort(), "--imap-tls",
                "IMPLICIT_TLS", "--smtp", "127.0.0.1:" + mail.smtpsPort(), "--smtp-tls", "IMPLICIT_TLS", "--ca-file",
                root.toString(), "--pass-file", pass.toString(), "--master-pass-file", master.toString(), "--rights-server",
                url, "--rights-trust", root.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("Rights server " + url);
    }

    private Run run(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", work.resolve("profiles").resolve(profile).toString()));
        all.addAll(Arrays.asList(args));
        CommandLine cli = SealmailCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString());
    }
}
