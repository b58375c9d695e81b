package org.sealmail.app.cli.smime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.CliRun;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.testing.TestPki;

/**
 * {@code smime decrypt} on nested layers (signed then encrypted, encrypted then signed,
 * triple-wrapped): the layers are printed outermost first, the innermost entity is written, and
 * an invalid signature layer makes the exit code that of the signature (content still written);
 * {@code smime verify} on a signature around an encryption layer says the content is encrypted.
 */
class SmimeNestedLayersCommandTest {

    private static final String MESSAGE = "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: plans\r\n"
            + "Date: Tue, 04 Mar 2025 10:15:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Meet at noon.\r\n";
    private static final String INNER = "Content-Type: text/plain; charset=us-ascii\r\n\r\nMeet at noon.\r\n";
    private static final TestPki PKI = TestPki.get();

    @TempDir
    Path dir;
    Path passFile;
    String out;
    String err;

    @BeforeEach
    void files() throws IOException {
        passFile = dir.resolve("pass.txt");
        Files.writeString(passFile, TestPki.PASSWORD + "\n");
        TestPki.writeP12(dir, "bob", PKI.bob);
        PKI.writeRootPem(dir);
    }

    @Test
    void signedThenEncryptedWithoutTrustReportsTheSignatureAsNotChecked() throws IOException {
        write("nested.eml", encrypt(sign(bytes(MESSAGE), SignatureFormat.DETACHED)));

        assertThat(decrypt("nested.eml")).as(err).isZero();

        assertThat(out).contains("Layer 1 of 2: encrypted\n".replace("\n", System.lineSeparator()))
                .contains("  Decrypted AuthEnvelopedData").contains("  Content encryption: AES-256-GCM (authenticated)")
                .contains("Layer 2 of 2: signed, detached (multipart/signed) by alice@example.test")
                .contains("  signature present, not checked: give --trust CA.pem to verify it")
                .contains("Wrote the innermost MIME entity to " + dir.resolve("plain.eml") + " (" + INNER.length() + " bytes)");
        assertThat(Files.readString(dir.resolve("plain.eml"))).isEqualTo(INNER);
        assertThat(err).isEmpty();
    }

    @Test
    void tripleWrappedWithTrustVerifiesBothSignatures() throws IOException {
        write("triple.eml", sign(encrypt(sign(bytes(MESSAGE), SignatureFormat.DETACHED)), SignatureFormat.OPAQUE));

        assertThat(decrypt("triple.eml", "--trust", dir.resolve("root-ca.pem").toString())).as(out + err).isZero();

        assertThat(out).contains("Layer 1 of 3: signed, opaque (application/pkcs7-mime signed-data) by alice@example.test")
                .contains("Layer 2 of 3: encrypted").contains("Layer 3 of 3: signed, detached (multipart/signed)");
        assertThat(out.lines().filter(line -> line.equals("  status: VALID")).count()).isEqualTo(2);
        assertThat(out.lines().filter(line -> line.equals("    address match: yes")).count()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("plain.eml"))).isEqualTo(INNER);
    }

    @Test
    void aBadInnerSignatureWritesTheContentButExitsTen() throws IOException {
        byte[] tampered = new String(sign(bytes(MESSAGE), SignatureFormat.DETACHED), StandardCharsets.US_ASCII)
                .replace("Meet at noon.", "Meet at nine.").getBytes(StandardCharsets.US_ASCII);
        write("tampered.eml", encrypt(tampered));

        assertThat(decrypt("tampered.eml")).isEqualTo(10);

        assertThat(out).contains("Layer 2 of 2: signed").contains("  status: BAD_SIGNATURE");
        assertThat(err).isEqualTo("sealmail decrypt: the content was written to " + dir.resolve("plain.eml")
                + ", but the signature of layer 2 by alice@example.test is BAD_SIGNATURE" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("plain.eml"))).contains("Meet at nine.");
    }

    @Test
    void anUntrustedSignatureWithTrustGivenExitsEleven() throws IOException {
        write("nested.eml", encrypt(sign(bytes(MESSAGE), SignatureFormat.OPAQUE)));
        Path otherRoot = dir.resolve("other-root.pem");
        org.sealmail.crypto.keys.CertificateFiles.writePem(otherRoot, List.of(PKI.carol.certificate()));

        assertThat(decrypt("nested.eml", "--trust", otherRoot.toString())).isEqualTo(11);

        assertThat(out).contains("  status: UNTRUSTED");
        assertThat(err).contains("is UNTRUSTED");
        assertThat(dir.resolve("plain.eml")).exists();
    }

    @Test
    void aSignedButNotEncryptedMessageIsRefusedWithoutOutput() throws IOException {
        write("signed.eml", sign(bytes(MESSAGE), SignatureFormat.OPAQUE));

        assertThat(decrypt("signed.eml")).isEqualTo(14);

        assertThat(err).isEqualTo("sealmail decrypt: not an encrypted message: it is signed (1 signature layer) but not"
                + " encrypted, so there is nothing to decrypt; use sealmail smime verify" + System.lineSeparator());
        assertThat(dir.resolve("plain.eml")).doesNotExist();
    }

    @Test
    void verifySaysThatTheSignedContentIsEncrypted() throws IOException {
        write("signed-around.eml", sign(encrypt(bytes(MESSAGE)), SignatureFormat.OPAQUE));

        int code = run("smime", "verify", "--in", dir.resolve("signed-around.eml").toString(),
                "--trust", dir.resolve("root-ca.pem").toString());

        assertThat(code).as(out).isZero();
        assertThat(out).contains("status: VALID").contains("note: the signed content is encrypted (an S/MIME encryption"
                + " layer inside the signature): decrypt the message to read it and to verify any signature inside");
    }

    private int decrypt(String input, String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of("smime", "decrypt", "--key", dir.resolve("bob.p12").toString(),
                "--pass-file", passFile.toString(), "--in", dir.resolve(input).toString(), "--out",
                dir.resolve("plain.eml").toString()));
        arguments.addAll(List.of(extra));
        return run(arguments.toArray(String[]::new));
    }

    private static byte[] sign(byte[] message, SignatureFormat format) {
        return new SmimeSigner().sign(message, PKI.alice, SigningOptions.defaults().withFormat(format));
    }

    private static byte[] encrypt(byte[] message) {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        new SmimeEncryptor().encrypt(new ByteArrayInputStream(message), encrypted,
                List.of(recipient(PKI.bob)), recipient(PKI.alice), EncryptionOptions.defaults());
        return encrypted.toByteArray();
    }

    private static EncryptionRecipient recipient(CertifiedKey key) {
        return EncryptionRecipient.of(key.addresses().get(0), key.certificate());
    }

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }
}
