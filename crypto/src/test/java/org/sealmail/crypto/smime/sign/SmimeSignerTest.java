package org.sealmail.crypto.smime.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.crypto.smime.TestMessages.text;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.SmimeCapabilities;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.verify.Coverage;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SignerVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.testing.TestPki;

class SmimeSignerTest {

    private static final TestPki PKI = TestPki.get();
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final SmimeSigner SIGNER = new SmimeSigner(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final SmimeVerifier VERIFIER = new SmimeVerifier(List.of(PKI.root.issuer().certificate()));
    private static final byte[] MESSAGE = TestMessages.plain("Alice Example <alice@example.test>", "Grüße, Bob!\r\n");

    /** Hand-encoded: ü is UTF-8 C3 BC, ß is C3 9F (RFC 2045 §6.7 quoted-printable). */
    private static final String CANONICAL_ENTITY = "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + "Gr=C3=BC=C3=9Fe, Bob!\r\n";

    @Test
    void detachedSignatureKeepsTheHeadersAndSignsTheSevenBitEntity() {
        byte[] signed = SIGNER.sign(MESSAGE, PKI.alice, SigningOptions.defaults());
        String text = text(signed);

        assertThat(text).startsWith("From: Alice Example <alice@example.test>\r\nTo: bob@example.test\r\n"
                + "Subject: Quarterly figures\r\nDate: Sun, 29 Nov 2026 09:00:00 +0000\r\n"
                + "Message-ID: <test-1@example.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;");
        assertThat(text.split("MIME-Version", -1)).hasSize(2);
        assertThat(text).containsPattern("\r\n--(----=_sealmail_[0-9a-f]{24})\r\n" + java.util.regex.Pattern.quote(CANONICAL_ENTITY)
                + "\r\n--\\1\r\n");
        assertThat(text).contains("Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n");
        for (byte b : signed) {
            assertThat(b).as("7-bit output").isBetween((byte) 1, (byte) 127);
        }
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(SmimeSigner.signedEntityOf(MESSAGE)).isEqualTo(TestMessages.bytes(CANONICAL_ENTITY));
    }

    @Test
    void detachedSignatureVerifiesWithTheAttributesSealmailPromises() {
        SignatureVerification result = VERIFIER.verify(SIGNER.sign(MESSAGE, PKI.alice, SigningOptions.defaults()));

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.coverage()).isEqualTo(Coverage.WHOLE);
        assertThat(result.format()).contains(SignatureFormat.DETACHED);
        assertThat(result.signedContent()).isEqualTo(TestMessages.bytes(CANONICAL_ENTITY));
        SignerVerification signer = result.signers().get(0);
        assertThat(signer.certificate()).contains(PKI.alice.certificate());
        assertThat(signer.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(signer.signatureAlgorithm()).isEqualTo("RSASSA-PKCS1-v1_5");
        assertThat(signer.signingTime()).contains(NOW);
        assertThat(signer.capabilities()).isEqualTo(SmimeCapabilities.sealmailDefault());
        assertThat(signer.preferredEncryptionCertificate()).contains(PKI.alice.certificate());
        assertThat(signer.trust().path()).as("the intermediate travels in the message")
                .contains(PKI.intermediate.issuer().certificate());
        assertThat(result.harvestedCertificates()).singleElement().satisfies(harvested -> {
            assertThat(harvested.address()).isEqualTo("alice@example.test");
            assertThat(harvested.encryptionKeyPreference()).isTrue();
            assertThat(harvested.smimeCapabilities()).isEqualTo(SmimeCapabilities.sealmailDefault().algorithms());
        });
    }

    @Test
    void opaqueSignatureEncapsulatesTheEntity() {
        byte[] signed = SIGNER.sign(MESSAGE, PKI.alice, SigningOptions.defaults().withFormat(SignatureFormat.OPAQUE));

        assertThat(text(signed)).contains("MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data;"
                + " name=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n");
        assertThat(text(signed)).doesNotContain("Gr=C3=BC");
        SignatureVerification result = VERIFIER.verify(signed);
        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.format()).contains(SignatureFormat.OPAQUE);
        assertThat(result.signedContent()).isEqualTo(TestMessages.bytes(CANONICAL_ENTITY));
    }

    @Test
    void pssUsesTheDigestForMgf1AndADigestLongSalt() {
        SignatureVerification result = VERIFIER.verify(SIGNER.sign(MESSAGE, PKI.alice,
                SigningOptions.defaults().withRsaScheme(RsaSignatureScheme.PSS).withDigest(DigestAlgorithm.SHA384)));

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signers().get(0).signatureAlgorithm()).isEqualTo("RSASSA-PSS (SHA-384, salt 48 bytes)");
        assertThat(result.signers().get(0).digestAlgorithm()).isEqualTo("SHA-384");
    }

    @Test
    void ecdsaKeysSignWithTheDigestOfTheirCurve() {
        CertifiedKey erin = PKI.erin;
        CertifiedKey frank = PKI.frank;
        byte[] fromErin = SIGNER.sign(TestMessages.plain("erin@example.test", "P-256\r\n"), erin, SigningOptions.defaults());
        byte[] fromFrank = SIGNER.sign(TestMessages.plain("frank@example.test", "P-384\r\n"), frank, SigningOptions.defaults());

        assertThat(text(fromErin)).contains("micalg=sha-256;");
        assertThat(text(fromFrank)).contains("micalg=sha-384;");
        SignatureVerification erinResult = VERIFIER.verify(fromErin);
        SignatureVerification frankResult = VERIFIER.verify(fromFrank);
        assertThat(erinResult.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(erinResult.signers().get(0).signatureAlgorithm()).isEqualTo("ECDSA");
        assertThat(frankResult.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(frankResult.signers().get(0).digestAlgorithm()).isEqualTo("SHA-384");
    }

    @Test
    void sha512CanBeChosen() {
        byte[] signed = SIGNER.sign(MESSAGE, PKI.alice, SigningOptions.defaults().withDigest(DigestAlgorithm.SHA512));

        assertThat(text(signed)).contains("micalg=sha-512;");
        assertThat(VERIFIER.verify(signed).signers().get(0).digestAlgorithm()).isEqualTo("SHA-512");
    }

    @Test
    void lfLineEndsAreCanonicalisedAndTheSignatureSurvivesAnLfMailbox() {
        byte[] unix = TestMessages.bytes(text(MESSAGE).replace("\r\n", "\n"));

        byte[] signed = SIGNER.sign(unix, PKI.alice, SigningOptions.defaults());
        byte[] storedWithLf = TestMessages.bytes(text(signed).replace("\r\n", "\n"));

        assertThat(text(signed).replace("\r\n", "")).doesNotContain("\n");
        assertThat(VERIFIER.verify(signed).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(VERIFIER.verify(storedWithLf).status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void multipartWithABinaryAttachmentIsRebuiltWithBase64() {
        byte[] attachment = {0, 1, 2, (byte) 0xff, '\n', 'x'};
        byte[] message = TestMessages.concat(TestMessages.bytes("From: alice@example.test\r\nSubject: files\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n--outer\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nsee attached\r\n--outer\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"),
                attachment, TestMessages.bytes("\r\n--outer--\r\n"));

        byte[] entity = SmimeSigner.signedEntityOf(message);

        assertThat(text(entity)).isEqualTo("Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n"
                + "--outer\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nsee attached\r\n"
                + "--outer\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "AAEC/wp4\r\n\r\n--outer--\r\n");
        assertThat(VERIFIER.verify(SIGNER.sign(message, PKI.alice, SigningOptions.defaults())).status())
                .isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void signingASignedMessageAgainLeavesTheInnerSignatureIntact() throws Exception {
        byte[] thunderbird = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(getClass()
                .getResource("/thunderbird-smime/smime/alice.dsig.SHA256.multipart.eml").toURI()));
        byte[] inner8bit = TestMessages.replaceFirst(thunderbird, "Content-Transfer-Encoding: quoted-printable",
                "Content-Transfer-Encoding: 8bit");
        List<java.security.cert.X509Certificate> anchors = new java.util.ArrayList<>(org.sealmail.crypto.keys.CertificateFiles
                .read(java.nio.file.Path.of(getClass().getResource("/thunderbird-smime/smime/TestCA.pem").toURI())));
        anchors.add(PKI.root.issuer().certificate());
        SmimeVerifier verifier = new SmimeVerifier(anchors);

        SignatureVerification result = verifier.verify(SIGNER.sign(thunderbird, PKI.alice, SigningOptions.defaults()),
                Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(result.signers().get(0).signatureCheck()).isEqualTo(
                org.sealmail.crypto.smime.verify.SignatureCheck.CORRECT);
        assertThat(result.nested()).get().extracting(SignatureVerification::status).isEqualTo(VerificationStatus.VALID);
        assertThat(text(SmimeSigner.signedEntityOf(inner8bit))).as("no re-encoding inside a multipart/signed")
                .contains("Content-Transfer-Encoding: 8bit");
    }
}
