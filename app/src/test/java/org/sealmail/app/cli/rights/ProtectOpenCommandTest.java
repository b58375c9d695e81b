package org.sealmail.app.cli.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.testing.TestPki;
import picocli.CommandLine;

/** {@code sealmail protect} and {@code sealmail open}, run in-process. */
class ProtectOpenCommandTest {

    private static final String MESSAGE = ("From: Alice Example <alice@example.test>\n"
            + "To: bob@example.test\n"
            + "Subject: Board minutes\n"
            + "Date: Mon, 05 Jan 2026 10:00:00 +0000\n"
            + "Message-ID: <minutes@example.test>\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=UTF-8\n"
            + "\n"
            + "The merger closes on Friday.\n").replace("\n", "\r\n");

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.get();
    private Path passFile;
    private String out;
    private String err;

    @BeforeEach
    void keys() throws Exception {
        passFile = Files.writeString(dir.resolve("pass.txt"), TestPki.PASSWORD + "\n");
        TestPki.writeP12(dir, "alice", pki.alice);
        TestPki.writeP12(dir, "bob", pki.bob);
        TestPki.writeP12(dir, "carol", pki.carol);
        TestPki.writeCertPem(dir, "bob", pki.bob);
        TestPki.writeCertPem(dir, "erin", pki.erin);
        pki.writeRootPem(dir);
        Files.writeString(dir.resolve("msg.eml"), MESSAGE);
    }

    private int run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = SealmailCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout));
        commandLine.setErr(new PrintWriter(stderr));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--pass-file");
        all.add(passFile.toString());
        int code = commandLine.execute(all.toArray(String[]::new));
        out = stdout.toString();
        err = stderr.toString();
        return code;
    }

    private int protect(String template, String... recipients) {
        List<String> args = new ArrayList<>(List.of("protect", "--template", template, "--key", p("alice.p12"),
                "--in", p("msg.eml"), "--out", p("protected.eml")));
        for (String recipient : recipients) {
            args.add("--to");
            args.add(p(recipient + ".pem"));
        }
        return run(args.toArray(String[]::new));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void bobOpensADoNotForwardMessageButMayNotWriteItOut() throws Exception {
        assertThat(protect("do-not-forward", "bob")).as(err).isZero();
        assertThat(out).contains("Protected with Do Not Forward for bob@example.test");

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"), "--trust", p("root-ca.pem"))).as(err).isZero();
        assertThat(out).contains("Status: opened")
                .contains("Template: Do Not Forward (do-not-forward)")
                .contains("Issuer: alice@example.test (certificate chain trusted)")
                .contains("Rights granted: VIEW, REPLY, REPLYALL")
                .contains("Expires: never")
                .contains("License valid until: ");

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"), "--out", p("plain.eml")))
                .isEqualTo(ExitCode.RIGHTS_DENIED.code()).isEqualTo(30);
        assertThat(err).contains("the rights granted (VIEW, REPLY, REPLYALL) include neither EXTRACT nor EXPORT");
        assertThat(dir.resolve("plain.eml")).doesNotExist();
    }

    @Test
    void bobWritesOutAnEncryptMessageAndSoDoesTheSender() throws Exception {
        assertThat(protect("encrypt", "bob")).as(err).isZero();

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"), "--out", p("plain.eml"))).as(err).isZero();
        assertThat(out).contains("Rights granted: VIEW, EDIT, EXTRACT, PRINT, FORWARD, REPLY, REPLYALL, VIEWRIGHTSDATA");
        assertThat(Files.readString(dir.resolve("plain.eml"), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);

        assertThat(run("open", "--key", p("alice.p12"), "--in", p("protected.eml"), "--out", p("sent.eml"))).as(err).isZero();
        assertThat(out).contains("Rights granted: OWNER");
        assertThat(Files.readString(dir.resolve("sent.eml"), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
    }

    @Test
    void theSecondOpenIsServedFromTheUseLicenseCachedEncryptedInTheProfile() throws Exception {
        assertThat(protect("do-not-forward", "bob")).as(err).isZero();
        Path profile = dir.resolve("profile");
        Path master = Files.writeString(dir.resolve("master.txt"), "correct horse battery staple\n");
        String[] open = {"--profile", profile.toString(), "open", "--key", p("bob.p12"), "--in", p("protected.eml"),
            "--master-pass-file", master.toString()};

        assertThat(run(open)).as(err).isZero();
        assertThat(out).contains("License: derived with your private key");
        assertThat(run(open)).as(err).isZero();
        assertThat(out).contains("Status: opened").contains("License: cached use license (no private-key operation)");

        // encrypted at rest: the licensee's address is the lookup key, but no JWS text is stored in clear
        byte[] database = Files.readAllBytes(profile.resolve("sealmail.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain("eyJ");
        assertThat(run("--profile", profile.toString(), "open", "--key", p("bob.p12"), "--in", p("protected.eml"),
                "--no-cache")).as(err).isZero();
        assertThat(out).contains("License: derived with your private key");
    }

    @Test
    void withoutKeyringOrMasterPasswordTheLicenseIsNotCachedAndTheUserIsTold() throws Exception {
        assertThat(protect("encrypt", "bob")).as(err).isZero();
        Path profile = dir.resolve("profile");
        String[] open = {"--profile", profile.toString(), "open", "--key", p("bob.p12"), "--in", p("protected.eml")};
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SEALMAIL_MASTER_PASSWORD") == null
                && org.sealmail.mailstore.secrets.KeyringSecretStore.probe(profile).isEmpty(), "a keyring or master password is set");

        assertThat(run(open)).as(err).isZero();
        assertThat(err).contains("the use license is not cached");
        assertThat(run(open)).as(err).isZero();
        assertThat(out).contains("License: derived with your private key");
    }

    @Test
    void aToCertificateAddsItsOwnerAsRecipient() {
        assertThat(protect("do-not-forward", "bob", "erin")).as(err).isZero();
        assertThat(out).contains("for bob@example.test, erin@example.test");
    }

    @Test
    void aCustomTemplateFileIsApplied() throws Exception {
        Files.writeString(dir.resolve("legal.template"), "name = Legal review\nrights = VIEW, PRINT\nexpires = P14D\n");
        assertThat(protect(p("legal.template"), "bob")).as(err).isZero();

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"))).as(err).isZero();
        assertThat(out).contains("Template: Legal review (custom:legal-review)").contains("Rights granted: VIEW, PRINT")
                .doesNotContain("Expires: never");
    }

    @Test
    void aBadTemplateFileNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("bad.template"), "name = Bad\nrights = VIEW, COPY\n");
        assertThat(protect(p("bad.template"), "bob")).isEqualTo(ExitCode.MALFORMED_INPUT.code());
        assertThat(err).contains("bad.template line 2: unknown usage right 'COPY'");
    }

    @Test
    void aRecipientWithoutCertificateFailsListingThem() throws Exception {
        Files.writeString(dir.resolve("msg.eml"), MESSAGE.replace("To: bob@example.test", "To: bob@example.test, carol@example.test"));
        assertThat(protect("encrypt", "bob")).isEqualTo(ExitCode.RECIPIENT_CERTIFICATE_MISSING.code());
        assertThat(err).contains("No usable encryption certificate for: carol@example.test");
        assertThat(dir.resolve("protected.eml")).doesNotExist();
    }

    @Test
    void someoneElseCannotOpenIt() {
        assertThat(protect("encrypt", "bob")).isZero();
        assertThat(run("open", "--key", p("carol.p12"), "--in", p("protected.eml"))).isEqualTo(ExitCode.NO_MATCHING_KEY.code());
        assertThat(out).contains("Status: not a recipient");
        assertThat(err).contains("this message is not for you");
    }

    @Test
    void aTamperedMessageIsRefusedWithItsOwnExitCode() throws Exception {
        assertThat(protect("encrypt", "bob")).isZero();
        Path file = dir.resolve("protected.eml");
        Files.writeString(file, Files.readString(file).replace("This message is protected", "This message is urgent"));

        assertThat(run("open", "--key", p("bob.p12"), "--in", file.toString())).isEqualTo(ExitCode.TAMPERED.code()).isEqualTo(32);
        assertThat(out).contains("Status: tampered");
        assertThat(err).contains("the readable wrapper differs from the one the sender signed");
    }

    @Test
    void aPlainMessageIsMalformedInput() {
        assertThat(run("open", "--key", p("bob.p12"), "--in", p("msg.eml"))).isEqualTo(ExitCode.MALFORMED_INPUT.code());
        assertThat(err).contains("not a protected message");
    }

    @Test
    void everyStatusHasADocumentedExitCode() {
        assertThat(OpenCommand.exitCode(OpenStatus.OPENED)).isEqualTo(ExitCode.OK);
        assertThat(OpenCommand.exitCode(OpenStatus.EXPIRED).code()).isEqualTo(31);
        assertThat(OpenCommand.exitCode(OpenStatus.TAMPERED).code()).isEqualTo(32);
        assertThat(OpenCommand.exitCode(OpenStatus.NOT_A_RECIPIENT).code()).isEqualTo(15);
        assertThat(OpenCommand.exitCode(OpenStatus.MALFORMED).code()).isEqualTo(14);
        String usage = SealmailCommand.commandLine().getUsageMessage();
        assertThat(usage).contains("30   open --out refused").contains("31   protected message expired")
                .contains("32   protected message tampered with").contains("  protect  ").contains("  open  ");
    }

    @Test
    void rawUtf8InHeadersStaysUtf8InTheClearHeadersTheWrapperAndTheContent() throws Exception {
        // RFC 6532 lets headers carry UTF-8 as is; many clients write them so.
        String message = MESSAGE.replace("From: Alice Example", "From: Alice Ärger").replace("Subject: Board minutes",
                "Subject: Grüße aus Köln");
        Files.write(dir.resolve("msg.eml"), message.getBytes(StandardCharsets.UTF_8));
        assertThat(protect("encrypt", "bob")).as(err).isZero();

        String wire = Files.readString(dir.resolve("protected.eml"), StandardCharsets.UTF_8);
        assertThat(wire).contains("\r\nFrom: Alice Ärger <alice@example.test>\r\n").contains("\r\nSubject: Grüße aus Köln\r\n")
                .contains("From: \"Alice =C3=84rger\" <alice@example.test>");
        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"), "--out", p("plain.eml"))).as(err).isZero();
        assertThat(Files.readString(dir.resolve("plain.eml"), StandardCharsets.UTF_8)).isEqualTo(message);
    }

    @Test
    void aLicenseThatIsNotCachedSaysSoInsteadOfShowingAPastTime() throws Exception {
        Files.writeString(dir.resolve("online.template"), "name = Always online\nrights = VIEW\noffline-days = 0\n");
        assertThat(protect(p("online.template"), "bob")).as(err).isZero();

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"))).as(err).isZero();
        assertThat(out).containsPattern("License valid until: \\S+ \\(not cached: each open needs your key\\)");
    }

    @Test
    void withoutTrustAnchorsTheIssuerLineSaysItsCertificateWasNotChecked() {
        assertThat(protect("encrypt", "bob")).as(err).isZero();

        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"))).as(err).isZero();
        assertThat(out).contains("Issuer: alice@example.test (certificate chain not checked: give --trust ROOT.pem)");
    }

    @Test
    void anEmptyMessageFileIsNotProtected() throws Exception {
        Files.write(dir.resolve("msg.eml"), new byte[0]);

        assertThat(protect("encrypt", "bob")).isEqualTo(ExitCode.MALFORMED_INPUT.code());
        assertThat(err).contains("msg.eml is empty");
        assertThat(dir.resolve("protected.eml")).doesNotExist();
    }

    @Test
    void aTemplateThatIsNeitherBuiltInNorAFileSaysBoth() {
        assertThat(protect("do-not-foward", "bob")).isEqualTo(ExitCode.ERROR.code());
        assertThat(err).contains("'do-not-foward' is neither a built-in template (encrypt, do-not-forward) nor a template file");
    }

    @Test
    void anOutFileInAMissingDirectoryIsReportedAsSuch() {
        assertThat(protect("encrypt", "bob")).as(err).isZero();

        Path missing = dir.resolve("no-such-dir").resolve("plain.eml");
        assertThat(run("open", "--key", p("bob.p12"), "--in", p("protected.eml"), "--out", missing.toString()))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err).contains("cannot write " + missing + ": the directory " + missing.getParent() + " does not exist");
    }
}
