package org.sealmail.crypto.smime.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sealmail.crypto.smime.TestMessages.text;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.mime.TransferEncodings;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.testing.SignedDataSurgery;
import org.sealmail.crypto.testing.TestPki;

class SmimeVerifierTest {

    private static final TestPki PKI = TestPki.get();
    private static final List<X509Certificate> ROOT = List.of(PKI.root.issuer().certificate());
    private static final SmimeVerifier VERIFIER = new SmimeVerifier(ROOT);
    private static final SmimeSigner SIGNER = new SmimeSigner();
    private static final String ALICE = "Alice Example <alice@example.test>";

    private static byte[] signedByAlice(String from) {
        return SIGNER.sign(TestMessages.plain(from, "The figures are attached.\r\n"), PKI.alice, SigningOptions.defaults());
    }

    private static byte[] signatureDer(byte[] detachedMessage) {
        String text = text(detachedMessage);
        int start = text.indexOf("\r\n\r\n", text.indexOf("application/pkcs7-signature; name")) + 4;
        int end = text.indexOf("--", start);
        return TransferEncodings.decodeBase64(TestMessages.bytes(text.substring(start, end)));
    }

    @Test
    void alteredContentIsABadSignature() {
        byte[] tampered = TestMessages.replaceFirst(signedByAlice(ALICE), "attached", "attacked");

        SignatureVerification result = VERIFIER.verify(tampered);

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
        assertThat(result.signers().get(0).problems().get(0)).isEqualTo("message digest mismatch: the signed content was altered");
    }

    @Test
    void aCertificateFromAnotherRootIsUntrusted() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Stranger Root", KeyAlgorithm.EC_P256);

        SignatureVerification result = new SmimeVerifier(List.of(stranger.issuer().certificate())).verify(signedByAlice(ALICE));

        assertThat(result.status()).isEqualTo(VerificationStatus.UNTRUSTED);
        assertThat(result.signers().get(0).signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(result.signers().get(0).problems().get(0)).startsWith("no valid certification path to a trusted root");
    }

    @Test
    void aFromThatTheCertificateDoesNotNameIsAnAddressMismatch() {
        SignatureVerification result = VERIFIER.verify(signedByAlice("Mallory <ceo@example.test>"));

        assertThat(result.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.signers().get(0).problems())
                .containsExactly("the signer's certificate names alice@example.test but not ceo@example.test (From)");
    }

    @Test
    void aSenderThatTheCertificateDoesNotNameIsAnAddressMismatch() {
        byte[] message = TestMessages.replaceFirst(TestMessages.plain(ALICE, "hello\r\n"), "To:",
                "Sender: assistant@example.test\r\nTo:");

        SignatureVerification result = VERIFIER.verify(SIGNER.sign(message, PKI.alice, SigningOptions.defaults()));

        assertThat(result.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.senderAddresses()).containsExactly("alice@example.test", "assistant@example.test");
        assertThat(result.signers().get(0).problems().get(0)).endsWith("but not assistant@example.test (From/Sender)");
    }

    @Test
    void aSecondSenderFieldAddedOutsideTheSignatureIsChecked() {
        // header fields are outside the signature: a relay or attacker can add a Sender that a reader may show
        byte[] signed = SIGNER.sign(TestMessages.replaceFirst(TestMessages.plain(ALICE, "hello\r\n"), "To:",
                "Sender: alice@example.test\r\nTo:"), PKI.alice, SigningOptions.defaults());
        byte[] altered = TestMessages.replaceFirst(signed, "Sender: alice@example.test\r\n",
                "Sender: alice@example.test\r\nSender: mallory@evil.test\r\n");

        SignatureVerification result = VERIFIER.verify(altered);

        assertThat(VERIFIER.verify(signed).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.senderAddresses()).containsExactly("alice@example.test", "mallory@evil.test");
    }

    @Test
    void aGroupInFromCountsAsItsMembers() {
        // RFC 5322 §3.4 group syntax: display-name ":" [mailbox-list] ";"
        SignatureVerification result = VERIFIER.verify(signedByAlice("Friends: alice@example.test, mallory@evil.test;"));
        SignatureVerification onlyAlice = VERIFIER.verify(signedByAlice("Friends: Alice <alice@example.test>;"));

        assertThat(result.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.senderAddresses()).containsExactly("alice@example.test", "mallory@evil.test");
        assertThat(result.signers().get(0).problems())
                .containsExactly("the signer's certificate names alice@example.test but not mallory@evil.test (From)");
        assertThat(onlyAlice.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void anExpiredCertificateIsUnsuitableNowAndValidAtATimeItWasValid() {
        // the test CAs were made an hour ago, so the whole life of this certificate lies within the last hour
        Instant from = Instant.now().minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(Duration.ofMinutes(30));
        CertifiedKey expired = PKI.intermediate.issue(EmailCertificateSpec.forAddress("alice@example.test",
                KeyAlgorithm.EC_P256).validity(from, to));
        Instant signingTime = from.plus(Duration.ofMinutes(5));
        byte[] signed = new SmimeSigner(Clock.fixed(signingTime, ZoneOffset.UTC))
                .sign(TestMessages.plain(ALICE, "old\r\n"), expired, SigningOptions.defaults());

        SignatureVerification now = VERIFIER.verify(signed);
        SignatureVerification then = VERIFIER.verify(signed, signingTime.plus(Duration.ofMinutes(1)));

        assertThat(now.status()).isEqualTo(VerificationStatus.CERTIFICATE_UNSUITABLE);
        assertThat(now.signers().get(0).problems()).singleElement().asString().startsWith("certificate expired on " + to);
        assertThat(now.signers().get(0).trust().trusted()).as("the chain itself is fine").isTrue();
        assertThat(then.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void aCertificateWithoutEmailProtectionIsUnsuitable() {
        CertifiedKey serverCertificate = PKI.intermediate.issue(EmailCertificateSpec.forAddress("alice@example.test",
                KeyAlgorithm.EC_P256).withEmailProtection(false));

        SignatureVerification result = VERIFIER.verify(SIGNER.sign(TestMessages.plain(ALICE, "x\r\n"), serverCertificate,
                SigningOptions.defaults()));

        assertThat(result.status()).isEqualTo(VerificationStatus.CERTIFICATE_UNSUITABLE);
        assertThat(result.signers().get(0).certificateAssessment().orElseThrow().extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(result.signers().get(0).problems()).containsExactly(
                "extended key usage [serverAuth] does not include emailProtection");
    }

    @Test
    void aSigningTimeBeforeTheCertificateIsUnsuitable() {
        Instant beforeIssue = PKI.alice.certificate().getNotBefore().toInstant().minus(Duration.ofDays(3));
        byte[] signed = new SmimeSigner(Clock.fixed(beforeIssue, ZoneOffset.UTC))
                .sign(TestMessages.plain(ALICE, "x\r\n"), PKI.alice, SigningOptions.defaults());

        SignatureVerification result = VERIFIER.verify(signed);

        assertThat(result.status()).isEqualTo(VerificationStatus.CERTIFICATE_UNSUITABLE);
        assertThat(result.signers().get(0).problems().get(0)).startsWith("signed at " + beforeIssue);
    }

    @Test
    void aFooterAddedOutsideTheSignatureMakesItPartial() {
        String signed = text(signedByAlice(ALICE));
        int split = signed.indexOf("MIME-Version:");
        String outerHeaders = signed.substring(0, split);
        String signedEntity = signed.substring(split + "MIME-Version: 1.0\r\n".length());
        String withFooter = outerHeaders + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"list\"\r\n\r\n"
                + "--list\r\n" + signedEntity + "\r\n--list\r\nContent-Type: text/plain\r\n\r\n"
                + "You are subscribed to the figures list.\r\n--list--\r\n";
        String withEmptyPart = withFooter.replace("You are subscribed to the figures list.\r\n", "\r\n");

        SignatureVerification footer = VERIFIER.verify(TestMessages.bytes(withFooter));
        SignatureVerification empty = VERIFIER.verify(TestMessages.bytes(withEmptyPart));

        assertThat(footer.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(footer.coverage()).isEqualTo(Coverage.PARTIAL);
        assertThat(footer.isFullyValid()).isFalse();
        assertThat(empty.coverage()).isEqualTo(Coverage.WHOLE);
        assertThat(empty.isFullyValid()).isTrue();
    }

    @Test
    void anUnsignedMessageIsNotSigned() {
        SignatureVerification result = VERIFIER.verify(TestMessages.plain(ALICE, "plain\r\n"));

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_SIGNED);
        assertThat(result.signers()).isEmpty();
        assertThat(result.note()).contains("the message has no S/MIME signature (Content-Type text/plain)");
    }

    @Test
    void anOpenPgpSignedMessageIsNotAnSmimeSignature() {
        byte[] pgp = TestMessages.replaceFirst(signedByAlice(ALICE), "protocol=\"application/pkcs7-signature\"",
                "protocol=\"application/pgp-signature\"");

        SignatureVerification result = VERIFIER.verify(pgp);

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_SIGNED);
        assertThat(result.note()).get().asString().contains("OpenPGP");
    }

    @Test
    void legacyXPkcs7TypesAreAccepted() {
        String detached = text(signedByAlice(ALICE)).replace("application/pkcs7-signature", "application/x-pkcs7-signature");
        String opaque = text(SIGNER.sign(TestMessages.plain(ALICE, "x\r\n"), PKI.alice,
                SigningOptions.defaults().withFormat(SignatureFormat.OPAQUE)))
                .replace("application/pkcs7-mime; smime-type=signed-data", "application/x-pkcs7-mime");

        assertThat(VERIFIER.verify(TestMessages.bytes(detached)).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(VERIFIER.verify(TestMessages.bytes(opaque)).status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void aSignerCertificateMissingFromTheMessageGivesAClearResultAndKnownCertificatesFixIt() throws Exception {
        byte[] entity = SmimeSigner.signedEntityOf(TestMessages.plain(ALICE, "no certificates inside\r\n"));
        byte[] der = SignedDataSurgery.detachedWithoutCertificates(entity, PKI.alice);
        byte[] message = TestMessages.multipartSigned(ALICE, entity, der, "application/pkcs7-signature");

        SignatureVerification unknown = VERIFIER.verify(message);
        SignatureVerification known = VERIFIER.withKnownCertificates(PKI.alice.chain()).verify(message);

        assertThat(unknown.status()).isEqualTo(VerificationStatus.UNTRUSTED);
        SignerVerification signer = unknown.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CERTIFICATE_MISSING);
        assertThat(signer.certificate()).isEmpty();
        assertThat(signer.signerIdentifier()).contains("CN=Sealmail Test Intermediate");
        assertThat(signer.problems().get(0)).contains("is neither in the message nor among the known certificates");
        assertThat(known.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void anUnknownDigestAlgorithmOidIsUnsupported() throws Exception {
        byte[] signed = signedByAlice(ALICE);
        byte[] entity = VERIFIER.verify(signed).signedContent();
        byte[] der = SignedDataSurgery.withDigestAlgorithm(signatureDer(signed), "1.2.3.4.5");

        SignatureVerification result = VERIFIER.verify(TestMessages.multipartSigned(ALICE, entity, der,
                "application/pkcs7-signature"));

        assertThat(result.status()).isEqualTo(VerificationStatus.UNSUPPORTED_ALGORITHM);
        assertThat(result.signers().get(0).digestAlgorithm()).isEqualTo("1.2.3.4.5");
        assertThat(result.signers().get(0).problems().get(0))
                .isEqualTo("unknown digest algorithm 1.2.3.4.5: the signature cannot be checked");
    }

    @Test
    void oneValidSignerAmongSeveralSuffices() throws Exception {
        byte[] entity = SmimeSigner.signedEntityOf(TestMessages.plain(ALICE, "two signers\r\n"));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA",
                PKI.erin.privateKey(), PKI.erin.certificate()));
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
                PKI.alice.privateKey(), PKI.alice.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(PKI.erin.certificate(), PKI.alice.certificate(),
                PKI.intermediate.issuer().certificate())));
        byte[] der = generator.generate(new CMSProcessableByteArray(entity), false).getEncoded();

        SignatureVerification result = VERIFIER.verify(TestMessages.multipartSigned(ALICE, entity, der,
                "application/pkcs7-signature"));

        assertThat(result.signers()).extracting(SignerVerification::status)
                .containsExactlyInAnyOrder(VerificationStatus.VALID, VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void aSignedMessageSignedAgainIsVerifiedLayerByLayer() {
        byte[] inner = SIGNER.sign(TestMessages.plain(ALICE, "inner\r\n"), PKI.alice,
                SigningOptions.defaults().withFormat(SignatureFormat.OPAQUE));
        byte[] outer = SIGNER.sign(inner, PKI.alice, SigningOptions.defaults());
        byte[] outerByBob = SIGNER.sign(inner, PKI.bob, SigningOptions.defaults());

        SignatureVerification twice = VERIFIER.verify(outer);
        SignatureVerification resigned = VERIFIER.verify(outerByBob);

        assertThat(twice.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(twice.nested()).get().extracting(SignatureVerification::status).isEqualTo(VerificationStatus.VALID);
        assertThat(resigned.status()).as("bob's outer signature does not match From alice")
                .isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
    }

    @Test
    void emptyInputIsMalformed() {
        assertMalformed(new byte[0], "empty input: no message to read");
    }

    @Test
    void nonMimeGarbageIsMalformed() {
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        assertMalformed(garbage, "not an RFC 5322 message");
        assertMalformed(TestMessages.bytes("this is not a mail message\r\njust text\r\n"),
                "not an RFC 5322 message: line 1 is not a header field");
    }

    /** A message cut off in the middle of its signature part, as a broken download or full disk leaves it. */
    @Test
    void truncatedBase64IsMalformed() {
        String signed = text(signedByAlice(ALICE));
        int base64Start = signed.indexOf("\r\n\r\n", signed.indexOf("application/pkcs7-signature; name")) + 4;
        int thirdLine = signed.indexOf("\r\n", signed.indexOf("\r\n", base64Start) + 2) + 2;

        // two full lines of 76 characters and 5 more: the final group has one character
        assertMalformed(TestMessages.bytes(signed.substring(0, thirdLine + 5)),
                "signature part: invalid base64: truncated (the last group has a single character)");
        // cut at a group boundary the base64 decodes, but the DER inside is cut short
        assertMalformed(TestMessages.bytes(signed.substring(0, thirdLine + 8)),
                "not a CMS ContentInfo (truncated or corrupt DER)");
    }

    @Test
    void base64OfGarbageIsNotACmsStructure() {
        byte[] entity = SmimeSigner.signedEntityOf(TestMessages.plain(ALICE, "x\r\n"));
        byte[] message = TestMessages.multipartSigned(ALICE, entity, TestMessages.bytes("not DER at all"),
                "application/pkcs7-signature");

        assertMalformed(message, "not a CMS ContentInfo (truncated or corrupt DER)");
    }

    @Test
    void aMultipartSignedWithThreePartsIsMalformed() {
        String signed = text(signedByAlice(ALICE));
        String boundary = signed.substring(signed.indexOf("boundary=\"") + 10, signed.indexOf('"', signed.indexOf("boundary=\"") + 10));
        String extra = signed.replace("--" + boundary + "--", "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nextra\r\n--"
                + boundary + "--");

        assertMalformed(TestMessages.bytes(extra), "multipart/signed must have exactly two parts");
    }

    private static void assertMalformed(byte[] message, String expectedMessage) {
        assertThatThrownBy(() -> VERIFIER.verify(message))
                .isInstanceOfSatisfying(CryptoException.class,
                        e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessageContaining(expectedMessage);
    }
}
