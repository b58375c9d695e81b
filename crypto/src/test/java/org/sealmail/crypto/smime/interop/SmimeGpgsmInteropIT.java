package org.sealmail.crypto.smime.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.mime.MultipartBody;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.mime.TransferEncodings;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Interop with GnuPG's gpgsm 2.2 in both directions. gpgsm reads and writes raw CMS, so the
 * test strips or adds the MIME wrapper itself.
 *
 * <p>What gpgsm needs, found by trying: its own home directory ({@code GNUPGHOME}, mode 700);
 * the root imported with {@code gpgsm --import}; the root's fingerprint in
 * {@code trustlist.txt} as {@code FINGERPRINT S relax} (S: trusted for S/MIME; relax: no
 * extra checks on the root); and {@code --disable-crl-checks --disable-trusted-cert-crl-check}
 * on every call, as no CRL or dirmngr is around. The intermediate needs no import: gpgsm takes
 * it from the certificates in the SignedData. A signing key is imported from a PKCS#12 file
 * re-exported with PBE-SHA1-3DES and a SHA-1 MAC (gpgsm 2.2 cannot read the AES/PBKDF2 files
 * OpenSSL 3 writes by default), with {@code --pinentry-mode loopback --passphrase-fd 0}
 * (gpg-agent's {@code allow-loopback-pinentry}). The agent started for the home directory is
 * stopped afterwards with {@code gpgconf --kill all}.
 */
class SmimeGpgsmInteropIT {

    private static final TestPki PKI = TestPki.get();
    private static final SmimeVerifier VERIFIER = new SmimeVerifier(List.of(PKI.root.issuer().certificate()));
    private static final String[] NO_CRL = {"--disable-crl-checks", "--disable-trusted-cert-crl-check"};

    @TempDir
    static Path dir;
    private static Path home;
    private static Map<String, String> environment;

    @BeforeAll
    static void setUpGpgsm() throws IOException {
        assumeTrue(PeerTool.available("gpgsm") && PeerTool.available("openssl"), "gpgsm or openssl not installed");
        home = Files.createDirectory(dir.resolve("gnupg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        environment = Map.of("GNUPGHOME", home.toString());
        Files.writeString(home.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        gpgsm(null, "--import", PKI.writeRootPem(dir).toString()).ok();
        String fingerprint = gpgsm(null, "--with-colons", "--list-keys").out().lines()
                .filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        Files.writeString(home.resolve("trustlist.txt"), fingerprint + " S relax\n");
        // RSA only: gpgsm 2.2.40 crashes (SIGSEGV, exit 139) importing an EC P-256 PKCS#12 made this way
        gpgsm(TestMessages.bytes(TestPki.PASSWORD + "\n"), "--pinentry-mode", "loopback", "--passphrase-fd", "0",
                "--import", legacyPkcs12("alice", PKI.alice).toString()).ok();
    }

    @AfterAll
    static void stopAgent() {
        if (environment != null) {
            PeerTool.run(dir, environment, null, "gpgconf", "--kill", "all");
        }
    }

    private static PeerTool.Run gpgsm(byte[] stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of("gpgsm", "--batch", "--status-fd", "1"));
        command.addAll(List.of(NO_CRL));
        command.addAll(List.of(arguments));
        return PeerTool.run(dir, environment, stdin, command.toArray(String[]::new));
    }

    private static CertifiedKey key(String name) {
        return switch (name) {
            case "alice" -> PKI.alice;
            case "erin" -> PKI.erin;
            case "frank" -> PKI.frank;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Path legacyPkcs12(String name, CertifiedKey key) {
        Path chain = dir.resolve(name + "-chain.pem");
        CertificateFiles.writePem(chain, key.chain().subList(1, key.chain().size()));
        Path p12 = dir.resolve(name + "-3des.p12");
        PeerTool.run("openssl", "pkcs12", "-export", "-in", TestPki.writeCertPem(dir, name, key).toString(),
                "-inkey", TestPki.writeKeyPem(dir, name, key).toString(), "-certfile", chain.toString(),
                "-out", p12.toString(), "-passout", "pass:" + TestPki.PASSWORD,
                "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1").ok();
        return p12;
    }

    private static byte[] message(String from) {
        return TestMessages.concat(TestMessages.bytes("From: " + from + "\r\nTo: bob@example.test\r\nSubject: gpgsm\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"),
                "Grüße an gpgsm\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> sealmailSignatures() {
        return Stream.of("alice", "erin", "frank").flatMap(signer -> Stream.of(SignatureFormat.values())
                .map(format -> Arguments.of(signer, format)));
    }

    @ParameterizedTest(name = "gpgsm verifies {0} {1}")
    @MethodSource("sealmailSignatures")
    void gpgsmVerifiesWhatSealmailSigns(String signer, SignatureFormat format) throws IOException {
        byte[] signed = new SmimeSigner().sign(message(signer + "@example.test"), key(signer),
                SigningOptions.defaults().withFormat(format));
        RawMimeEntity top = RawMimeParser.parseMessage(signed);
        byte[] entity = SmimeSigner.signedEntityOf(message(signer + "@example.test"));
        PeerTool.Run run;
        Path output = dir.resolve(signer + format + ".out");
        if (format == SignatureFormat.DETACHED) {
            List<byte[]> parts = MultipartBody.split(top.body(), top.contentType().parameter("boundary").orElseThrow()).parts();
            assertThat(parts.get(0)).as("first part is the canonical entity").isEqualTo(entity);
            Path content = Files.write(dir.resolve(signer + ".content"), parts.get(0));
            Path signature = Files.write(dir.resolve(signer + ".p7s"), RawMimeParser.parseEntity(parts.get(1)).decodedBody());
            run = gpgsm(null, "--verify", signature.toString(), content.toString());
        } else {
            Path signature = Files.write(dir.resolve(signer + ".p7m"), top.decodedBody());
            run = gpgsm(null, "--output", output.toString(), "--verify", signature.toString());
            assertThat(Files.readAllBytes(output)).isEqualTo(entity);
        }

        run.ok();
        assertThat(run.out()).contains("[GNUPG:] GOODSIG").contains("[GNUPG:] TRUST_FULLY").doesNotContain("BADSIG");
    }

    static Stream<Arguments> gpgsmSignatures() {
        return Stream.of(SignatureFormat.values()).map(format -> Arguments.of("alice", format));
    }

    @ParameterizedTest(name = "Sealmail verifies gpgsm {0} {1}")
    @MethodSource("gpgsmSignatures")
    void sealmailVerifiesWhatGpgsmSigns(String signer, SignatureFormat format) throws IOException {
        String from = signer + "@example.test";
        byte[] entity = SmimeSigner.signedEntityOf(message(from));
        Path content = Files.write(dir.resolve("g-" + signer + format + ".content"), entity);
        Path signature = dir.resolve("g-" + signer + format + ".p7");
        gpgsm(TestMessages.bytes(TestPki.PASSWORD + "\n"), "--pinentry-mode", "loopback", "--passphrase-fd", "0",
                "--local-user", from, "--output", signature.toString(),
                format == SignatureFormat.DETACHED ? "--detach-sign" : "--sign", content.toString()).ok();
        byte[] der = Files.readAllBytes(signature);
        byte[] message = format == SignatureFormat.DETACHED
                ? TestMessages.multipartSigned(from, entity, der, "application/pkcs7-signature")
                : TestMessages.concat(TestMessages.bytes("From: " + from + "\r\nTo: bob@example.test\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"), TransferEncodings.encodeBase64(der));

        SignatureVerification result = VERIFIER.verify(message);

        assertThat(result.status()).as(String.valueOf(result.signers())).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signedContent()).isEqualTo(entity);
        byte[] tampered = format == SignatureFormat.DETACHED
                ? TestMessages.replaceFirst(message, "Grüße an gpgsm".replace("ü", "=C3=BC").replace("ß", "=C3=9F"),
                        "Gruesse an gpgsm")
                : TestMessages.concat(TestMessages.bytes(TestMessages.text(message).substring(0,
                        TestMessages.text(message).length() - TransferEncodings.encodeBase64(der).length)),
                        TransferEncodings.encodeBase64(TestMessages.replaceFirst(der, "an gpgsm", "an gpgsX")));
        assertThat(VERIFIER.verify(tampered).status()).as("tampered").isEqualTo(VerificationStatus.BAD_SIGNATURE);
    }
}
