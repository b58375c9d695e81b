package org.sealmail.app.cli.smime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.CliRun;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.testing.TestPki;

/** {@code sealmail smime encrypt|decrypt} run in-process: output files, messages and documented exit codes. */
class SmimeEncryptDecryptCommandTest {

    static final String MESSAGE = "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: plans\r\n"
            + "Date: Tue, 04 Mar 2025 10:15:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Meet at noon.\r\n";
    static final String INNER = "Content-Type: text/plain; charset=us-ascii\r\n\r\nMeet at noon.\r\n";

    @TempDir
    Path dir;

    TestPki pki = TestPki.get();
    Path message;
    Path passFile;
    String out;
    String err;

    @BeforeEach
    void files() throws IOException {
        message = dir.resolve("msg.eml");
        Files.writeString(message, MESSAGE);
        passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, TestPki.PASSWORD + "\n");
        TestPki.writeCertPem(dir, "alice", pki.alice);
        TestPki.writeCertPem(dir, "bob", pki.bob);
        TestPki.writeCertPem(dir, "erin", pki.erin);
        TestPki.writeP12(dir, "alice", pki.alice);
        TestPki.writeP12(dir, "bob", pki.bob);
        TestPki.writeP12(dir, "carol", pki.carol);
    }

    @Test
    void encryptsWithGcmByDefaultAndDecryptsToTheInnerEntity() throws IOException {
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("enc.eml"))).isZero();
        assertThat(out).contains("Encrypted with AES-256-GCM (AuthEnvelopedData)")
                .contains("bob@example.test (RSAES-OAEP (SHA-256, MGF1-SHA-256))")
                .contains("alice@example.test (RSAES-OAEP (SHA-256, MGF1-SHA-256))");
        assertThat(Files.readString(dir.resolve("enc.eml")))
                .contains("Subject: plans\r\n")
                .contains("Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m\r\n");

        assertThat(run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", passFile.toString(), "--in", path("enc.eml"),
                "--out", path("plain.eml"))).isZero();

        assertThat(Files.readString(dir.resolve("plain.eml"))).isEqualTo(INNER);
        assertThat(out).contains("Decrypted AuthEnvelopedData").contains("Content encryption: AES-256-GCM (authenticated)")
                .contains("Key management: RSAES-OAEP (SHA-256, MGF1-SHA-256)")
                .contains("key \"bob@example.test\" from " + dir.resolve("bob.p12"))
                .doesNotContain("WARNING");
        assertThat(err).isEmpty();
    }

    @Test
    void theSenderKeyStoreWorksToo() throws IOException {
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--key", path("alice.p12"), "--pass-file", passFile.toString(),
                "--in", path("msg.eml"), "--out", path("enc.eml"))).isZero();

        assertThat(run("smime", "decrypt", "--key", path("alice.p12"), "--pass-file", passFile.toString(), "--in", path("enc.eml"),
                "--out", path("plain.eml"))).isZero();
        assertThat(Files.readString(dir.resolve("plain.eml"))).isEqualTo(INNER);
    }

    @Test
    void cbcIsReportedAsNotIntegrityProtected() throws IOException {
        assertThat(run("smime", "encrypt", "--cbc", "--rsa-pkcs1", "--to", path("bob.pem"), "--from-cert", path("alice.pem"),
                "--in", path("msg.eml"), "--out", path("enc.eml"))).isZero();
        assertThat(out).contains("Encrypted with AES-256-CBC (EnvelopedData, not integrity protected)")
                .contains("bob@example.test (RSA PKCS#1 v1.5)");

        assertThat(run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", passFile.toString(), "--in", path("enc.eml"),
                "--out", path("plain.eml"))).isZero();
        assertThat(out).contains("Content encryption: AES-256-CBC (NOT integrity protected)")
                .contains("WARNING: AES-256-CBC has no integrity protection");
    }

    @Test
    void withoutTheSendersCertificateNothingIsEncrypted() {
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--in", path("msg.eml"), "--out", path("enc.eml")))
                .isEqualTo(18);
        assertThat(err).isEqualTo("sealmail encrypt: no certificate for the sender alice@example.test: Sealmail always"
                + " encrypts for the sender too, so that the sent copy stays readable; give your certificate with"
                + " --from-cert CERT.pem or your key store with --key KEY.p12" + System.lineSeparator());
        assertThat(dir.resolve("enc.eml")).doesNotExist();
    }

    @Test
    void anAddresseeWithoutACertificateStopsTheEncryption() throws IOException {
        Files.writeString(message, MESSAGE.replace("To: Bob <bob@example.test>", "To: Bob <bob@example.test>, carol@example.test\r\n"
                + "Cc: dave@example.test"));

        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--to", path("erin.pem"), "--from-cert", path("alice.pem"),
                "--in", path("msg.eml"), "--out", path("enc.eml"))).isEqualTo(18);

        assertThat(err).contains("No usable encryption certificate for: carol@example.test (no certificate),"
                + " dave@example.test (no certificate); nothing was encrypted");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theWrongKeyExitsFifteenAndLeavesNoOutput() throws IOException {
        encryptForBob();

        assertThat(run("smime", "decrypt", "--key", path("carol.p12"), "--pass-file", passFile.toString(), "--in", path("enc.eml"),
                "--out", path("plain.eml"))).isEqualTo(15);

        assertThat(err).startsWith("sealmail decrypt: none of our keys can decrypt this AuthEnvelopedData: it is encrypted for"
                + " KeyTransRecipientInfo issuer").doesNotContain("\tat ").hasLineCount(1);
        assertThat(leftovers()).containsExactlyInAnyOrder("enc.eml");
    }

    @Test
    void anOlderKeyInASecondKeyStoreDecrypts() throws IOException {
        encryptForBob();
        CertifiedKey renewed = pki.intermediate.issue(EmailCertificateSpec.forAddress("bob@example.test", KeyAlgorithm.RSA_2048));
        Pkcs12KeyStores.write(dir.resolve("bob-new.p12"), TestPki.PASSWORD.toCharArray(), List.of(renewed));

        assertThat(run("smime", "decrypt", "--key", path("bob-new.p12"), "--key", path("bob.p12"), "--pass-file",
                passFile.toString(), "--in", path("enc.eml"), "--out", path("plain.eml"))).isZero();
        assertThat(out).contains("from " + dir.resolve("bob.p12"));
    }

    @Test
    void aTamperedTagExitsSixteenAndLeavesNoPlaintext() throws IOException {
        encryptForBob();
        Path encrypted = dir.resolve("enc.eml");
        String text = Files.readString(encrypted);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        byte[] der = Base64.getMimeDecoder().decode(text.substring(bodyStart));
        der[der.length - 12] ^= 0x01; // inside the 16-byte GCM tag, before the end-of-contents octets
        Files.writeString(encrypted, text.substring(0, bodyStart) + Base64.getMimeEncoder().encodeToString(der) + "\r\n");

        assertThat(run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", passFile.toString(), "--in", path("enc.eml"),
                "--out", path("plain.eml"))).isEqualTo(16);

        assertThat(err).contains("authentication tag does not verify");
        assertThat(leftovers()).containsExactlyInAnyOrder("enc.eml");
    }

    @Test
    void anUnknownContentEncryptionOidExitsSeventeenNamingIt() throws IOException {
        encryptForBob();
        rewriteCms(der -> {
            byte[] gcm256 = java.util.HexFormat.of().parseHex("060960864801650304012e");
            for (int i = 0; i + gcm256.length <= der.length; i++) {
                if (java.util.Arrays.equals(der, i, i + gcm256.length, gcm256, 0, gcm256.length)) {
                    der[i + 10] = 0x7f;
                }
            }
        });

        assertThat(decrypt("enc.eml")).isEqualTo(17);
        assertThat(err).isEqualTo("sealmail decrypt: unsupported content-encryption algorithm 2.16.840.1.101.3.4.1.127"
                + " (unknown OID)" + System.lineSeparator());
    }

    @Test
    void aFlippedCbcByteDecryptsWithTheNoIntegrityWarning() throws IOException {
        assertThat(run("smime", "encrypt", "--cbc", "--to", path("bob.pem"), "--from-cert", path("alice.pem"),
                "--in", path("msg.eml"), "--out", path("enc.eml"))).isZero();
        rewriteCms(der -> der[der.length - 40] ^= 0x01); // inside the first ciphertext block of a 48-byte content

        int code = decrypt("enc.eml");

        assertThat(code).as(err).isZero();
        assertThat(Files.readAllBytes(dir.resolve("plain.eml"))).hasSize(INNER.length()).isNotEqualTo(INNER.getBytes(StandardCharsets.US_ASCII));
        assertThat(out).contains("NOT integrity protected").contains("WARNING: AES-256-CBC has no integrity protection");
    }

    private void rewriteCms(java.util.function.Consumer<byte[]> change) throws IOException {
        Path encrypted = dir.resolve("enc.eml");
        String text = Files.readString(encrypted);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        byte[] der = Base64.getMimeDecoder().decode(text.substring(bodyStart));
        change.accept(der);
        Files.writeString(encrypted, text.substring(0, bodyStart) + Base64.getMimeEncoder().encodeToString(der) + "\r\n");
    }

    @Test
    void badInputGetsItsOwnMessageAndExitCode() throws IOException {
        encryptForBob();
        Files.write(dir.resolve("empty.eml"), new byte[0]);
        Files.writeString(dir.resolve("garbage.eml"), "this is not mail\n");
        String encrypted = Files.readString(dir.resolve("enc.eml"));
        Files.writeString(dir.resolve("truncated.eml"), encrypted.substring(0, encrypted.length() / 2));

        assertThat(decrypt("empty.eml")).isEqualTo(14);
        assertThat(err).isEqualTo("sealmail decrypt: empty input: expected an S/MIME message or a CMS file" + System.lineSeparator());
        assertThat(decrypt("garbage.eml")).isEqualTo(14);
        assertThat(err).contains("line 1 is not a header field");
        assertThat(decrypt("truncated.eml")).isEqualTo(14);
        assertThat(err).contains("truncated");
        assertThat(decrypt("msg.eml")).isEqualTo(14);
        assertThat(err).contains("Content-Type is text/plain, expected application/pkcs7-mime");
        assertThat(run("smime", "decrypt", "--key", path("bob.p12"), "--pass-env", "SEALMAIL_TEST_NO_SUCH_VARIABLE_X",
                "--in", path("enc.eml"), "--out", path("plain.eml"))).isEqualTo(2);
        Files.writeString(passFile, "wrong\n");
        assertThat(decrypt("enc.eml")).isEqualTo(19);
        assertThat(run("smime", "encrypt", "--to", path("msg.eml"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("x.eml"))).isEqualTo(21);
        assertThat(run("smime", "encrypt", "--gcm", "--cbc", "--to", path("bob.pem"), "--from-cert", path("alice.pem"),
                "--in", path("msg.eml"), "--out", path("x.eml"))).isEqualTo(2);
        assertThat(leftovers()).doesNotContain("plain.eml", "x.eml").noneMatch(name -> name.endsWith(".partial"));
    }

    @Test
    void groupSyntaxAddresseesAreTheGroupsMembers() throws IOException {
        // RFC 5322 §3.4: "undisclosed-recipients:;" is an empty group; "Team: a, b;" names a and b
        Files.writeString(message, MESSAGE.replace("To: Bob <bob@example.test>", "To: undisclosed-recipients:;\r\n"
                + "Bcc: bob@example.test"));
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("enc.eml"))).as(err).isZero();
        assertThat(out).contains("  bob@example.test (").contains("  alice@example.test (").doesNotContain("undisclosed");

        Files.writeString(message, MESSAGE.replace("To: Bob <bob@example.test>", "To: Team: Bob <bob@example.test>,"
                + " carol@example.test;"));
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("enc2.eml"))).isEqualTo(18);
        assertThat(err).isEqualTo("sealmail encrypt: No usable encryption certificate for: carol@example.test (no certificate);"
                + " nothing was encrypted" + System.lineSeparator());
    }

    @Test
    void anEmptyMessageIsMalformedAndNothingIsWritten() throws IOException {
        Files.write(message, new byte[0]);

        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("enc.eml"))).isEqualTo(14);

        assertThat(err).isEqualTo("sealmail encrypt: empty input or no header fields: expected an RFC 5322 message (header"
                + " fields, an empty line, the body)" + System.lineSeparator());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void fileProblemsNameTheirCauseInOneLine() {
        encryptForBob();
        Path missingDirectory = dir.resolve("no-such-dir");

        int unwritable = run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", passFile.toString(), "--in",
                path("enc.eml"), "--out", missingDirectory.resolve("plain.eml").toString());
        String unwritableErr = err;
        int noPassFile = run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", path("nope.txt"), "--in",
                path("enc.eml"), "--out", path("plain.eml"));

        assertThat(unwritable).isEqualTo(1);
        assertThat(unwritableErr).isEqualTo("sealmail decrypt: cannot write " + missingDirectory.resolve("plain.eml")
                + ": the directory " + missingDirectory + " does not exist" + System.lineSeparator());
        assertThat(noPassFile).isEqualTo(1);
        assertThat(err).isEqualTo("sealmail decrypt: cannot read --pass-file " + path("nope.txt") + ": no such file or directory"
                + System.lineSeparator());
    }

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelp() {
        int code = run("smime", "decrypt", "--key", path("bob.p12"), "--pass-env", "SEALMAIL_TEST_NO_SUCH_VARIABLE_X",
                "--in", path("enc.eml"), "--out", path("plain.eml"));

        assertThat(code).isEqualTo(2);
        assertThat(err).isEqualTo("sealmail smime decrypt: no password: give --pass-file FILE or set the environment variable"
                + " SEALMAIL_TEST_NO_SUCH_VARIABLE_X" + System.lineSeparator()
                + "Try 'sealmail smime decrypt --help' for the options." + System.lineSeparator());
    }

    private int decrypt(String input) {
        return run("smime", "decrypt", "--key", path("bob.p12"), "--pass-file", passFile.toString(), "--in", path(input),
                "--out", path("plain.eml"));
    }

    private void encryptForBob() {
        assertThat(run("smime", "encrypt", "--to", path("bob.pem"), "--from-cert", path("alice.pem"), "--in", path("msg.eml"),
                "--out", path("enc.eml"))).isZero();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.endsWith(".pem") && !name.endsWith(".p12") && !name.equals("pass.txt")
                            && !name.equals("msg.eml"))
                    .toList();
        }
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

}
