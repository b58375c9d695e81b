package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * OpenSSL 3 opens Sealmail's protected blob as the standard CMS it is: {@code openssl cms
 * -decrypt} with a recipient's key (RSA-OAEP or ECDH) yields the SignedData, and {@code openssl
 * cms -verify} against the test root yields the inner message byte for byte.
 */
class ProtectedMessageOpensslIT {

    private static final String RECIPIENTS = "bob@example.test, erin@example.test";

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.get();

    @BeforeAll
    static void opensslIsThere() {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
    }

    private byte[] protectedBlob() throws Exception {
        ProtectedMessage message = new ProtectedMessageBuilder(new MutableClock()).protect(TestMessages.message(RECIPIENTS),
                ProtectionTemplate.DO_NOT_FORWARD, pki.alice, List.of(pki.bob.certificate(), pki.erin.certificate()));
        return message.blob();
    }

    @Test
    void opensslDecryptsWithBobsRsaKeyAndVerifiesAlicesSignature() throws Exception {
        assertOpensslOpens(protectedBlob(), "bob", pki.bob);
    }

    @Test
    void opensslDecryptsWithErinsEcKeyAndVerifiesAlicesSignature() throws Exception {
        assertOpensslOpens(protectedBlob(), "erin", pki.erin);
    }

    @Test
    void opensslShowsTheStructureTheFormatDocumentDescribes() throws Exception {
        Path blob = dir.resolve("message.sealmail");
        Files.write(blob, protectedBlob());
        String envelope = PeerTool.run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", blob.toString()).ok().out();
        assertThat(envelope).contains("contentType: id-smime-ct-authEnvelopedData")
                .contains("algorithm: aes-256-gcm")
                .contains("algorithm: rsaesOaep")
                .contains("algorithm: dhSinglePass-stdDH-sha256kdf-scheme")
                .contains("(" + ProtectedMessageFormat.CONTENT_ID_ATTRIBUTE + ")");
        // alice (sender), bob (RSA): two KeyTransRecipientInfos; erin (EC): one KeyAgreeRecipientInfo
        assertThat(envelope.split("d.ktri:", -1)).hasSize(3);
        assertThat(envelope.split("d.kari:", -1)).hasSize(2);

        Path signed = decrypt(blob, "bob", pki.bob);
        String signedData = PeerTool.run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", signed.toString())
                .ok().out();
        assertThat(signedData).contains("contentType: pkcs7-signedData")
                .contains("(" + ProtectedMessageFormat.PUBLISHING_LICENSE_ATTRIBUTE + ")")
                .contains("object: messageDigest").contains("object: signingTime");
    }

    @Test
    void opensslRefusesAnAlteredCiphertext() throws Exception {
        byte[] blob = protectedBlob();
        blob[blob.length - 40] ^= 1;
        Path altered = dir.resolve("altered.sealmail");
        Files.write(altered, blob);
        PeerTool.Run run = PeerTool.run("openssl", "cms", "-decrypt", "-inform", "DER", "-in", altered.toString(),
                "-recip", TestPki.writeCertPem(dir, "bob", pki.bob).toString(),
                "-inkey", TestPki.writeKeyPem(dir, "bob", pki.bob).toString(), "-out", dir.resolve("x").toString());
        assertThat(run.exitCode()).isNotZero();
    }

    private void assertOpensslOpens(byte[] blobBytes, String name, CertifiedKey key) throws Exception {
        Path blob = dir.resolve("message.sealmail");
        Files.write(blob, blobBytes);
        Path signed = decrypt(blob, name, key);
        Path content = dir.resolve(name + "-content.eml");
        PeerTool.run("openssl", "cms", "-verify", "-inform", "DER", "-in", signed.toString(),
                "-CAfile", pki.writeRootPem(dir).toString(), "-out", content.toString()).ok();
        assertThat(Files.readString(content, StandardCharsets.UTF_8)).isEqualTo(TestMessages.text(RECIPIENTS));
    }

    private Path decrypt(Path blob, String name, CertifiedKey key) {
        Path signed = dir.resolve(name + "-signed.der");
        PeerTool.run("openssl", "cms", "-decrypt", "-inform", "DER", "-in", blob.toString(),
                "-recip", TestPki.writeCertPem(dir, name, key).toString(),
                "-inkey", TestPki.writeKeyPem(dir, name, key).toString(), "-out", signed.toString()).ok();
        return signed;
    }
}
