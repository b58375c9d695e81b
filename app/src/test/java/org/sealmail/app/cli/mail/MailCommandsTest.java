package org.sealmail.app.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.mailstore.tls.CertificateFingerprint;
import picocli.CommandLine;

/** {@code sealmail account add / send / sync} end to end against GreenMail over TLS with the test CA. */
class MailCommandsTest {

    @TempDir
    Path profile;

    @TempDir
    Path work;

    private TestGreenMail server;
    private Path caFile;
    private Path passFile;
    private Path masterFile;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        server = new TestGreenMail();
        caFile = work.resolve("test-ca.pem");
        CertificateFiles.writePem(caFile, List.of(TestServerTls.get().root()));
        passFile = Files.writeString(work.resolve("pass"), TestGreenMail.PASSWORD + "\n");
        masterFile = Files.writeString(work.resolve("master"), "master secret\n");
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(server.imapPort()));
        try (Store alice = Session.getInstance(p).getStore("imap")) {
            alice.connect("alice@example.test", TestGreenMail.PASSWORD);
            alice.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", profile.toString()));
        all.addAll(Arrays.asList(args));
        CommandLine cli = SealmailCommand.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        int code = cli.execute(all.toArray(new String[0]));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private int addAccount(String user, String... extra) {
        List<String> args = new ArrayList<>(List.of("account", "add", "--email", user + "@example.test",
                "--imap", "127.0.0.1:" + server.imapsPort(), "--imap-tls", "IMPLICIT_TLS",
                "--smtp", "127.0.0.1:" + server.smtpsPort(), "--smtp-tls", "IMPLICIT_TLS",
                "--pass-file", passFile.toString(), "--master-pass-file", masterFile.toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(new String[0]));
    }

    @Test
    void aliceSendsWithAnAttachmentAndBobSyncsIt() throws Exception {
        assertThat(addAccount("alice", "--ca-file", caFile.toString(), "--name", "Alice")).as(err).isZero();
        assertThat(out).contains("IMAP login to 127.0.0.1:" + server.imapsPort() + " (TLS) works").contains("Account alice@example.test added");
        assertThat(addAccount("bob", "--ca-file", caFile.toString())).as(err).isZero();
        Path body = Files.writeString(work.resolve("body.txt"), "Hello Bob,\nthe figures.\n");
        Path attachment = Files.writeString(work.resolve("figures.txt"), "q,1\n");

        int sent = run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Figures",
                "--body-file", body.toString(), "--attach", attachment.toString(), "--master-pass-file", masterFile.toString());

        assertThat(sent).as(out + err).isZero();
        assertThat(out).contains("Sent <");
        assertThat(server.greenMail().waitForIncomingEmail(5000, 1)).isTrue();

        assertThat(run("sync", "--account", "bob@example.test", "--master-pass-file", masterFile.toString())).as(err).isZero();
        assertThat(out).contains("bob@example.test/INBOX: +1 new");
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            long bob = store.accounts().findByName("bob@example.test").orElseThrow().id();
            long inbox = store.folders().findByName(bob, "INBOX").orElseThrow().id();
            List<StoredMessage> rows = store.messages().newest(inbox, 0, 10);
            assertThat(rows).extracting(StoredMessage::subject).containsExactly("Figures");
            assertThat(rows.get(0).from()).extracting(a -> a.name(), a -> a.address())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice", "alice@example.test"));
            assertThat(rows.get(0).mimeStructure()).isEqualTo("multipart/mixed(text/plain,text/plain)");
            long aliceId = store.accounts().findByName("alice@example.test").orElseThrow().id();
            assertThat(store.outbox().list(org.sealmail.mailstore.outbox.OutboxState.SENT)).extracting(e -> e.accountId())
                    .containsExactly(aliceId);
        }
        assertThat(run("sync", "--account", "alice@example.test", "--master-pass-file", masterFile.toString())).isZero();
        assertThat(out).contains("alice@example.test/Sent: +1 new");   // the copy the outbox filed in Sent
    }

    @Test
    void sendGoesThroughTheProfilesRulesBlockWarnAndRequiredProtection() throws Exception {
        assertThat(addAccount("alice", "--ca-file", caFile.toString())).as(err).isZero();
        Path rules = profile.resolve("policy").resolve("protection.rules");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, """
                rule "Payroll"
                  when subject contains payroll
                  then block "Payroll data may not be mailed."

                rule "Address lists"
                  when sensitive email-addresses >= 3
                  then warn "This message lists many e-mail addresses."

                rule "Cards"
                  when sensitive card >= 1
                  then template do-not-forward
                """);
        Path plain = Files.writeString(work.resolve("plain.txt"), "Hello Bob.\n");
        Path list = Files.writeString(work.resolve("list.txt"), "Invite a@x.test, b@x.test and c@x.test.\n");
        Path card = Files.writeString(work.resolve("card.txt"), "My card: 4111 1111 1111 1111\n");
        String master = masterFile.toString();

        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "May payroll",
                "--body-file", plain.toString(), "--master-pass-file", master)).isEqualTo(ExitCode.POLICY_BLOCKED.code());
        assertThat(out).contains("Rule fired: Payroll (line 1)").contains("Payroll data may not be mailed.");

        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Guests",
                "--body-file", list.toString(), "--master-pass-file", master)).isEqualTo(ExitCode.POLICY_WARNED.code());
        assertThat(out).contains("Rule fired: Address lists").contains("--override-reason");

        // a template is required but there is no sender key (and bob has no certificate): held, never sent plain
        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Card",
                "--body-file", card.toString(), "--master-pass-file", master)).isEqualTo(ExitCode.POLICY_HELD.code());
        assertThat(out).contains("Rule fired: Cards").doesNotContain("4111");
        assertThat(server.greenMail().getReceivedMessages()).isEmpty();
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            assertThat(store.outbox().list(org.sealmail.mailstore.outbox.OutboxState.QUEUED)).isEmpty();
        }

        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Guests",
                "--body-file", list.toString(), "--override-reason", "the guest list for the party",
                "--master-pass-file", master)).as(out + err).isZero();
        assertThat(server.greenMail().waitForIncomingEmail(5000, 1)).isTrue();
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        server.greenMail().getReceivedMessages()[0].writeTo(wire);
        assertThat(wire.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Subject: Guests")
                .doesNotContain("the guest list for the party");
    }

    @Test
    void sendRefusesASigningKeyForAnotherAddressAndAMissingBodyFileWithOneLine() throws Exception {
        assertThat(addAccount("alice", "--ca-file", caFile.toString())).as(err).isZero();
        Path bobsKey = org.sealmail.crypto.testing.TestPki.writeP12(work, "bob", org.sealmail.crypto.testing.TestPki.get().bob);
        Path keyPass = Files.writeString(work.resolve("key-pass"), org.sealmail.crypto.testing.TestPki.PASSWORD + "\n");
        Path body = Files.writeString(work.resolve("body.txt"), "Hello.\n");

        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "Signed",
                "--body-file", body.toString(), "--sign", "--key", bobsKey.toString(), "--key-pass-file", keyPass.toString(),
                "--master-pass-file", masterFile.toString())).isEqualTo(ExitCode.CERTIFICATE.code());
        assertThat(err).contains("does not name alice@example.test, the sending address; nothing was sent");

        assertThat(run("send", "--from", "alice@example.test", "--to", "bob@example.test", "--subject", "x",
                "--body-file", work.resolve("missing.txt").toString(), "--master-pass-file", masterFile.toString()))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err).contains("cannot read --body-file " + work.resolve("missing.txt")).doesNotContain("Exception");
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            assertThat(store.outbox().list(org.sealmail.mailstore.outbox.OutboxState.QUEUED)).isEmpty();
        }
    }

    @Test
    void anUntrustedServerIsRefusedWithItsFingerprintAndCanBePinned() {
        String fingerprint = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());

        assertThat(addAccount("bob")).isEqualTo(ExitCode.SERVER_CERTIFICATE_UNTRUSTED.code());
        assertThat(err).contains("not trusted: SHA-256 " + fingerprint);
        assertThat(addAccount("bob", "--pin", fingerprint)).as(err).isZero();
    }

    @Test
    void aWrongPasswordMarksTheAccountUntilThePasswordChanges() throws Exception {
        Path wrong = Files.writeString(work.resolve("wrong"), "nope\n");
        assertThat(run("account", "add", "--email", "bob@example.test", "--imap", "127.0.0.1:" + server.imapsPort(),
                "--imap-tls", "IMPLICIT_TLS", "--smtp", "127.0.0.1:" + server.smtpsPort(), "--smtp-tls", "IMPLICIT_TLS",
                "--ca-file", caFile.toString(), "--pass-file", wrong.toString(), "--master-pass-file", masterFile.toString(),
                "--no-check")).isZero();

        assertThat(run("sync", "--master-pass-file", masterFile.toString())).isEqualTo(ExitCode.MAIL_LOGIN_REJECTED.code());
        assertThat(err).contains("rejected the user name or password");
        assertThat(run("sync", "--master-pass-file", masterFile.toString())).isEqualTo(ExitCode.MAIL_LOGIN_REJECTED.code());
        assertThat(err).contains("marked 'authentication failed'");

        assertThat(run("account", "password", "--account", "bob@example.test", "--pass-file", passFile.toString(),
                "--master-pass-file", masterFile.toString())).isZero();
        assertThat(run("sync", "--master-pass-file", masterFile.toString())).as(err).isZero();
    }
}
