package org.sealmail.app.cli.smime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.CliRun;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.mime.TransferEncodings;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.testing.SignedDataSurgery;
import org.sealmail.crypto.testing.TestPki;

/** {@code sealmail smime sign|verify} run in-process: exit codes, the printed facts and the error lines. */
class SmimeSignVerifyCommandTest {

    private static final TestPki PKI = TestPki.get();

    @TempDir
    static Path dir;
    private static Path aliceP12;
    private static Path passFile;
    private static Path rootPem;

    @BeforeAll
    static void keys() throws IOException {
        aliceP12 = TestPki.writeP12(dir, "alice", PKI.alice);
        passFile = Files.writeString(dir.resolve("pass.txt"), TestPki.PASSWORD + "\n");
        rootPem = PKI.writeRootPem(dir);
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Path signedByAlice(String name, String from, String... options) throws IOException {
        Path in = write(name + ".eml", TestMessages.plain(from, "The figures are attached.\r\n"));
        Path out = dir.resolve(name + ".signed.eml");
        String[] base = {"smime", "sign", "--key", aliceP12.toString(), "--pass-file", passFile.toString(),
            "--in", in.toString(), "--out", out.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(options))
                .toArray(String[]::new);
        CliRun sign = run(args);
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        return out;
    }

    private static CliRun verify(Path message, String... extra) {
        String[] base = {"smime", "verify", "--trust", rootPem.toString(), "--in", message.toString()};
        return run(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new));
    }

    @Test
    void aSignedMessageVerifiesWithEveryFactOnItsOwnLine() throws IOException {
        CliRun result = verify(signedByAlice("valid", "Alice Example <alice@example.test>"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).contains("status: VALID", "coverage: whole message", "format: detached (multipart/signed)",
                "sender: alice@example.test", "signer 1:", "  status: VALID", "  signer address: alice@example.test",
                "  subject: CN=Alice Example,O=Sealmail Test", "  issuer: CN=Sealmail Test Intermediate,O=Sealmail Test",
                "  signature: correct", "  digest algorithm: SHA-256", "  signature algorithm: RSASSA-PKCS1-v1_5",
                "  trust: trusted (root CN=Sealmail Test Root,O=Sealmail Test)", "  address match: yes",
                "  key usage: digitalSignature, nonRepudiation, keyEncipherment (allows signing)",
                "  extended key usage: emailProtection (allows e-mail protection)", "  public key: RSA 2048 bits",
                // the SMIMECapabilities attribute as openssl cms -cmsout -print lists it:
                // aes-256-gcm, aes-128-gcm, aes-256-cbc, aes-128-cbc, rsaesOaep
                "  capabilities: AES-256-GCM, AES-128-GCM, AES-256-CBC, AES-128-CBC, RSAES-OAEP");
        assertThat(result.out()).containsPattern("  signing time: \\d{4}-\\d\\d-\\d\\dT")
                .containsPattern("  certificate validity: .* to .* \\(valid at validation time\\)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void opaquePssSha384SignaturesVerify() throws IOException {
        Path signed = signedByAlice("opaque", "alice@example.test", "--opaque", "--pss", "--digest", "sha384");

        CliRun result = verify(signed);

        assertThat(Files.readString(signed)).contains("application/pkcs7-mime; smime-type=signed-data");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).contains("format: opaque (application/pkcs7-mime signed-data)",
                "  signature algorithm: RSASSA-PSS (SHA-384, salt 48 bytes)", "  digest algorithm: SHA-384");
    }

    @Test
    void alteredContentExitsWithBadSignature() throws IOException {
        Path signed = signedByAlice("tampered", "alice@example.test");
        Path tampered = write("tampered.eml", TestMessages.replaceFirst(Files.readAllBytes(signed), "attached", "attacked"));

        CliRun result = verify(tampered);

        assertThat(result.exitCode()).isEqualTo(10);
        assertThat(result.out().lines()).contains("status: BAD_SIGNATURE", "  signature: INCORRECT",
                "  problem: message digest mismatch: the signed content was altered");
    }

    @Test
    void anotherRootExitsUntrusted() throws IOException {
        Path otherRoot = dir.resolve("other-root.pem");
        CertificateFiles.writePem(otherRoot, java.util.List.of(
                CertificateAuthority.createRoot("Other Root", KeyAlgorithm.EC_P256).issuer().certificate()));

        CliRun result = run("smime", "verify", "--trust", otherRoot.toString(), "--in",
                signedByAlice("untrusted", "alice@example.test").toString());

        assertThat(result.exitCode()).isEqualTo(11);
        assertThat(result.out()).contains("  trust: NOT trusted: no valid certification path to a trusted root");
    }

    @Test
    void aForeignFromExitsWithAddressMismatch() throws IOException {
        // the From field is outside the signature: here it is changed after alice signed
        Path signed = signedByAlice("mismatch", "alice@example.test");
        Path edited = write("mismatch.edited.eml", TestMessages.replaceFirst(Files.readAllBytes(signed),
                "From: alice@example.test", "From: ceo@example.test"));

        CliRun result = verify(edited);

        assertThat(result.exitCode()).isEqualTo(12);
        assertThat(result.out().lines()).contains("status: ADDRESS_MISMATCH", "  address match: NO",
                "  problem: the signer's certificate names alice@example.test but not ceo@example.test (From)");
    }

    @Test
    void controlCharactersFromTheMessageCannotRepaintTheVerdict() throws IOException {
        // a Sender added in transit whose ESC [ 1 A ESC [ 2 K would move up and erase the line above it
        Path signed = signedByAlice("ansi", "alice@example.test");
        Path edited = write("ansi.edited.eml", TestMessages.replaceFirst(Files.readAllBytes(signed), "From: alice@example.test",
                "From: alice@example.test\r\nSender: <x\u001b[1A\u001b[2Kok@evil.test>"));

        CliRun result = verify(edited);

        assertThat(result.exitCode()).isEqualTo(12);
        assertThat(result.out()).doesNotContain("\u001b")
                .contains("sender: alice@example.test, x\\x1b[1a\\x1b[2kok@evil.test");
    }

    @Test
    void anExpiredCertificateExitsUnsuitableUnlessValidatedAtAnEarlierInstant() throws IOException {
        Instant from = Instant.now().minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
        CertifiedKey expired = PKI.intermediate.issue(EmailCertificateSpec.forAddress("alice@example.test",
                KeyAlgorithm.EC_P256).validity(from, from.plus(Duration.ofMinutes(30))));
        Instant signingTime = from.plus(Duration.ofMinutes(5));
        byte[] signed = new SmimeSigner(Clock.fixed(signingTime, ZoneOffset.UTC))
                .sign(TestMessages.plain("alice@example.test", "old\r\n"), expired, SigningOptions.defaults());
        Path message = write("expired.eml", signed);

        CliRun now = verify(message);
        CliRun then = verify(message, "--at", signingTime.plus(Duration.ofMinutes(1)).toString());

        assertThat(now.exitCode()).isEqualTo(13);
        assertThat(now.out()).contains("(NOT valid at validation time)").contains("  problem: certificate expired on ");
        assertThat(then.exitCode()).isZero();
    }

    @Test
    void aMissingSignerCertificateExitsUntrustedWithAClearLine() throws IOException {
        byte[] entity = SmimeSigner.signedEntityOf(TestMessages.plain("alice@example.test", "x\r\n"));
        Path message = write("nocert.eml", TestMessages.multipartSigned("alice@example.test", entity,
                SignedDataSurgery.detachedWithoutCertificates(entity, PKI.alice), "application/pkcs7-signature"));
        Path aliceCertificate = TestPki.writeCertPem(dir, "alice-cert", PKI.alice);
        Path intermediate = PKI.writeIntermediatePem(dir);

        CliRun missing = verify(message);
        CliRun supplied = verify(message, "--cert", aliceCertificate.toString(), "--cert", intermediate.toString());

        assertThat(missing.exitCode()).isEqualTo(11);
        assertThat(missing.out().lines()).contains("  signer address: (certificate not available)");
        assertThat(missing.out()).contains("  certificate: not available (issuer O=Sealmail Test,CN=Sealmail Test Intermediate,"
                + " serial ")
                .contains("  signature: not checked: signer certificate missing");
        assertThat(supplied.exitCode()).isZero();
    }

    @Test
    void anUnknownAlgorithmOidExitsUnsupported() throws IOException {
        byte[] signed = Files.readAllBytes(signedByAlice("oid", "alice@example.test"));
        String text = TestMessages.text(signed);
        int start = text.indexOf("\r\n\r\n", text.indexOf("application/pkcs7-signature; name")) + 4;
        byte[] der = TransferEncodings.decodeBase64(TestMessages.bytes(text.substring(start, text.indexOf("--", start))));
        byte[] entity = SmimeSigner.signedEntityOf(TestMessages.plain("alice@example.test", "The figures are attached.\r\n"));
        Path message = write("oid.eml", TestMessages.multipartSigned("alice@example.test", entity,
                SignedDataSurgery.withDigestAlgorithm(der, "1.2.3.4.5"), "application/pkcs7-signature"));

        CliRun result = verify(message);

        assertThat(result.exitCode()).isEqualTo(17);
        assertThat(result.out().lines()).contains("status: UNSUPPORTED_ALGORITHM", "  digest algorithm: 1.2.3.4.5",
                "  problem: unknown digest algorithm 1.2.3.4.5: the signature cannot be checked");
    }

    @Test
    void anUnsignedMessageExitsNotSigned() throws IOException {
        CliRun result = verify(write("plain.eml", TestMessages.plain("alice@example.test", "hi\r\n")));

        assertThat(result.exitCode()).isEqualTo(20);
        assertThat(result.out().lines()).contains("status: NOT_SIGNED",
                "note: the message has no S/MIME signature (Content-Type text/plain)");
    }

    @Test
    void aFooterOutsideTheSignatureExitsPartiallySigned() throws IOException {
        String signed = Files.readString(signedByAlice("partial", "alice@example.test"), StandardCharsets.ISO_8859_1);
        int split = signed.indexOf("MIME-Version:");
        String withFooter = signed.substring(0, split) + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"list\""
                + "\r\n\r\n--list\r\n" + signed.substring(split + "MIME-Version: 1.0\r\n".length())
                + "\r\n--list\r\nContent-Type: text/plain\r\n\r\nUnsubscribe: ...\r\n--list--\r\n";

        CliRun result = verify(write("partial.eml", withFooter.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(result.exitCode()).isEqualTo(22);
        assertThat(result.out().lines()).contains("status: VALID",
                "coverage: partial: unsigned parts are shown beside the signed part");
    }

    @Test
    void anEmptyFileExitsMalformedWithOneLineAndNoStackTrace() throws IOException {
        CliRun result = verify(write("empty.eml", new byte[0]));

        assertThat(result.exitCode()).isEqualTo(14);
        assertThat(result.err()).isEqualTo("sealmail verify: empty input: no message to read" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void garbageExitsMalformed() throws IOException {
        byte[] garbage = new byte[300];
        new java.util.Random(3).nextBytes(garbage);

        CliRun result = verify(write("garbage.eml", garbage));

        assertThat(result.exitCode()).isEqualTo(14);
        assertThat(result.err()).startsWith("sealmail verify: not an RFC 5322 message").doesNotContain("\tat ");
    }

    @Test
    void truncatedBase64ExitsMalformed() throws IOException {
        String signed = Files.readString(signedByAlice("truncated", "alice@example.test"), StandardCharsets.ISO_8859_1);
        int base64Start = signed.indexOf("\r\n\r\n", signed.indexOf("application/pkcs7-signature; name")) + 4;
        int thirdLine = signed.indexOf("\r\n", signed.indexOf("\r\n", base64Start) + 2) + 2;

        CliRun result = verify(write("truncated.eml", signed.substring(0, thirdLine + 5).getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(result.exitCode()).isEqualTo(14);
        assertThat(result.err()).isEqualTo("sealmail verify: signature part: invalid base64: truncated (the last group has a"
                + " single character)" + System.lineSeparator());
    }

    @Test
    void aWrongPasswordExitsWithKeyStore() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not-the-password\n");
        Path in = write("pw.eml", TestMessages.plain("alice@example.test", "x\r\n"));

        CliRun result = run("smime", "sign", "--key", aliceP12.toString(), "--pass-file", wrong.toString(), "--in",
                in.toString(), "--out", dir.resolve("pw.signed.eml").toString());

        assertThat(result.exitCode()).isEqualTo(19);
        assertThat(result.err()).startsWith("sealmail sign: ");
    }

    @Test
    void aMissingInputFileIsAnError() {
        CliRun result = verify(dir.resolve("does-not-exist.eml"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no such file:");
    }

    @Test
    void signingRefusesACertificateThatDoesNotNameTheFromAddress() throws IOException {
        Path in = write("ceo.eml", TestMessages.plain("CEO <ceo@example.test>", "x\r\n"));
        Path out = dir.resolve("ceo.signed.eml");

        CliRun result = run("smime", "sign", "--key", aliceP12.toString(), "--pass-file", passFile.toString(), "--in",
                in.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(21);
        assertThat(result.err()).isEqualTo("sealmail sign: the certificate of " + aliceP12 + " (CN=Alice Example,O=Sealmail Test)"
                + " names alice@example.test but not ceo@example.test (From/Sender of " + in + "): recipients would see an"
                + " address mismatch; sign with a key issued to that address" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void signingRefusesExpiredCertificatesCaCertificatesAndOnesWithoutEmailProtection() throws IOException {
        Instant start = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(30));
        Path expired = TestPki.writeP12(dir, "expired", PKI.intermediate.issue(EmailCertificateSpec.forAddress(
                "alice@example.test", KeyAlgorithm.EC_P256).validity(start, end)));
        Path server = TestPki.writeP12(dir, "server", PKI.intermediate.issue(EmailCertificateSpec.forAddress(
                "alice@example.test", KeyAlgorithm.EC_P256).withEmailProtection(false)));
        Path ca = TestPki.writeP12(dir, "ca", PKI.intermediate.issuer());
        Path in = write("refused.eml", TestMessages.plain("alice@example.test", "x\r\n"));

        CliRun expiredRun = sign(expired, in);
        CliRun serverRun = sign(server, in);
        CliRun caRun = sign(ca, in);

        // the reasons are those verify gives for such signatures (exit 13); OpenSSL's smimesign purpose agrees
        assertThat(expiredRun.exitCode()).isEqualTo(21);
        assertThat(expiredRun.err()).contains(" cannot sign e-mail: certificate expired on " + end);
        assertThat(serverRun.exitCode()).isEqualTo(21);
        assertThat(serverRun.err()).contains(" cannot sign e-mail: extended key usage [serverAuth] does not include emailProtection");
        assertThat(caRun.exitCode()).isEqualTo(21);
        assertThat(caRun.err()).isEqualTo("sealmail sign: the certificate of " + ca + " (CN=Sealmail Test Intermediate,"
                + "O=Sealmail Test) cannot sign e-mail: key usage [keyCertSign, cRLSign] allows neither digitalSignature nor"
                + " nonRepudiation" + System.lineSeparator());
        assertThat(dir.resolve("refused.signed.eml")).doesNotExist();
    }

    private static CliRun sign(Path key, Path in) {
        return run("smime", "sign", "--key", key.toString(), "--pass-file", passFile.toString(), "--in", in.toString(),
                "--out", dir.resolve("refused.signed.eml").toString());
    }

    @Test
    void anUnknownDigestIsRefused() throws IOException {
        Path in = write("md5.eml", TestMessages.plain("alice@example.test", "x\r\n"));

        CliRun result = run("smime", "sign", "--key", aliceP12.toString(), "--pass-file", passFile.toString(), "--in",
                in.toString(), "--out", dir.resolve("md5.signed.eml").toString(), "--digest", "sha1");

        assertThat(result.exitCode()).isEqualTo(17);
        assertThat(result.err()).contains("digest \"sha1\" is not offered for signing; use sha256, sha384 or sha512");
    }
}
