package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.CachedUseLicense;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.PublishingLicenseJws;
import org.sealmail.crypto.rights.license.TestLicenses;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;

/** Issue 5 "Tampering and bad input": each case is refused with its own reason and gives no content. */
class ProtectedMessageTamperingTest {

    private final TestPki pki = TestPki.get();
    private final MutableClock clock = new MutableClock();

    private MimeMessage protectForBob() {
        return TestMessages.parse(new ProtectedMessageBuilder(clock).protect(TestMessages.message("bob@example.test"),
                ProtectionTemplate.DO_NOT_FORWARD, pki.alice, List.of(pki.bob.certificate())).toBytes());
    }

    private OpenResult open(CertifiedKey key, MimeMessage message) {
        return open(key, message, new InMemoryUseLicenseCache());
    }

    private OpenResult open(CertifiedKey key, MimeMessage message, UseLicenseCache cache) {
        return new ProtectedMessageOpener(key, cache, clock).open(TestMessages.bytes(message));
    }

    private static void assertRefused(OpenResult result, Refusal refusal, String reason) {
        assertThat(result.refusal()).as(result.reason()).contains(refusal);
        assertThat(result.status()).isEqualTo(refusal.status());
        assertThat(result.reason()).contains(reason);
        assertThat(result.content()).isEmpty();
        assertThat(result.rights()).isEqualTo(UsageRights.none());
    }

    @Test
    void rightsChangedInThePublishingLicenseBreakTheSendersSignature() throws Exception {
        MimeMessage original = protectForBob();
        byte[] widened = Tampering.replacePublishingLicense(Tampering.innerSignedData(original, pki.bob), jws -> {
            String[] parts = jws.split("\\.");
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"VIEW\",\"REPLY\",\"REPLYALL\"]", "\"VIEW\",\"EXTRACT\",\"EXPORT\",\"PRINT\",\"FORWARD\",\"REPLY\",\"REPLYALL\"]");
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                    + "." + parts[2];
        });
        MimeMessage tampered = Tampering.reEnvelope(original, widened, Tampering.certificates(pki.alice, pki.bob));

        assertRefused(open(pki.bob, tampered), Refusal.SIGNATURE_INVALID, "the sender's signature does not verify");
    }

    @Test
    void aPublishingLicenseSignedBySomeoneElseThanItsClaimedIssuerIsRefused() throws Exception {
        MimeMessage original = protectForBob();
        byte[] signedData = Tampering.innerSignedData(original, pki.bob);
        VerifiedContent content = ProtectedContentVerifier.verify(signedData);
        var license = PublishingLicenseJws.verify(content.publishingLicense()).license();
        // carol writes a license claiming to be alice's, and signs license and content with her own key
        byte[] forged = ProtectedContentSigner.sign(content.content(), TestLicenses.signedBy(license, pki.carol), pki.carol,
                clock.instant());
        MimeMessage tampered = Tampering.reEnvelope(original, forged, Tampering.certificates(pki.alice, pki.bob));

        assertRefused(open(pki.bob, tampered), Refusal.ISSUER_MISMATCH,
                "claims issuer alice@example.test but is signed by a certificate for carol@example.test");
    }

    @Test
    void contentResignedByAnotherKeyUnderTheSendersLicenseIsRefused() {
        MimeMessage original = protectForBob();
        VerifiedContent content = ProtectedContentVerifier.verify(Tampering.innerSignedData(original, pki.bob));
        byte[] resigned = ProtectedContentSigner.sign("From: alice@example.test\r\n\r\nPay carol.\r\n".getBytes(
                StandardCharsets.US_ASCII), content.publishingLicense(), pki.carol, clock.instant());
        MimeMessage tampered = Tampering.reEnvelope(original, resigned, Tampering.certificates(pki.alice, pki.bob));

        assertRefused(open(pki.bob, tampered), Refusal.ISSUER_MISMATCH,
                "the publishing license is signed by alice@example.test but the content by carol@example.test");
    }

    @Test
    void aRecipientAddedToTheEnvelopeIsRefused() {
        MimeMessage original = protectForBob();
        MimeMessage tampered = Tampering.reEnvelope(original, Tampering.innerSignedData(original, pki.bob),
                Tampering.certificates(pki.alice, pki.bob, pki.carol));

        assertRefused(open(pki.bob, tampered), Refusal.RECIPIENTS_MISMATCH,
                "RecipientInfos not named by the publishing license: issuer O=Sealmail Test,CN=Sealmail Test Root, serial "
                        + pki.carol.certificate().getSerialNumber().toString(16));
        assertRefused(open(pki.carol, tampered), Refusal.RECIPIENTS_MISMATCH, "the recipients were changed after signing");
    }

    @Test
    void aRecipientSwappedInTheEnvelopeIsRefused() {
        MimeMessage original = protectForBob();
        MimeMessage tampered = Tampering.reEnvelope(original, Tampering.innerSignedData(original, pki.bob),
                Tampering.certificates(pki.alice, pki.carol));

        assertRefused(open(pki.carol, tampered), Refusal.RECIPIENTS_MISMATCH,
                "licensed recipients without a RecipientInfo: bob@example.test");
    }

    @Test
    void alteredCiphertextFailsTheGcmTag() {
        MimeMessage original = protectForBob();
        byte[] blob = ProtectedMimeStructure.parse(original).blob();
        blob[Tampering.ciphertextOffset(blob) + 100] ^= 0x01;

        assertRefused(open(pki.bob, Tampering.withBlob(original, blob)), Refusal.CIPHERTEXT_ALTERED,
                "the AES-GCM authentication tag does not verify");
    }

    @Test
    void anAlteredWrapperIsRefused() {
        MimeMessage original = protectForBob();
        ProtectedMimeStructure.Parts parts = ProtectedMimeStructure.parse(original);
        MimeMessage phishing = ProtectedMimeStructure.build(original, new ProtectedMimeStructure.Wrapper(
                parts.wrapper().text() + "Your key expired: enter your password at http://evil.example/\r\n",
                parts.wrapper().html()), Tampering.contentId(original), java.util.Optional.empty(), parts.blob());

        assertRefused(open(pki.bob, phishing), Refusal.WRAPPER_ALTERED, "the readable wrapper differs from the one the sender signed");
    }

    @Test
    void anAlteredOrMissingProtectionHeaderIsRefused() throws Exception {
        MimeMessage other = protectForBob();
        other.setHeader("X-Sealmail-Protection", "version=1; content-id=\"00000000-0000-0000-0000-000000000000\"");
        assertRefused(open(pki.bob, other), Refusal.WRAPPER_ALTERED,
                "names content 00000000-0000-0000-0000-000000000000 but the protected blob is content");

        MimeMessage missing = protectForBob();
        missing.removeHeader("X-Sealmail-Protection");
        assertRefused(open(pki.bob, missing), Refusal.WRAPPER_ALTERED, "header is missing");
    }

    @Test
    void aFromHeaderNamingSomeoneElseThanTheIssuerIsRefused() throws Exception {
        MimeMessage spoofed = protectForBob();
        spoofed.setHeader("From", "Carol <carol@example.test>");

        assertRefused(open(pki.bob, spoofed), Refusal.WRAPPER_ALTERED,
                "the From header names carol@example.test but the message was protected by alice@example.test");
    }

    @Test
    void aTruncatedBlobIsMalformed() {
        MimeMessage original = protectForBob();
        byte[] blob = ProtectedMimeStructure.parse(original).blob();

        assertRefused(open(pki.bob, Tampering.withBlob(original, Arrays.copyOf(blob, blob.length / 2))), Refusal.MALFORMED,
                "is truncated or not a DER CMS ContentInfo");
    }

    @Test
    void aTruncatedMessageOrAPlainMessageIsMalformed() {
        byte[] wire = TestMessages.bytes(protectForBob());
        OpenResult truncated = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock)
                .open(Arrays.copyOf(wire, wire.length - 700));
        assertThat(truncated.status()).isEqualTo(OpenStatus.MALFORMED);
        assertThat(truncated.content()).isEmpty();

        assertRefused(open(pki.bob, TestMessages.message("bob@example.test")), Refusal.MALFORMED,
                "not a protected message: the message is text/plain");
    }

    @Test
    void anEmptyFileIsMalformedAndSaysSo() {
        OpenResult empty = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(new byte[0]);

        assertRefused(empty, Refusal.MALFORMED, "the message is empty (0 bytes)");
    }

    @Test
    void aUseLicenseReplayedForAnotherMessageIsRefused() {
        MimeMessage first = protectForBob();
        MimeMessage second = protectForBob();
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        assertThat(open(pki.bob, first, cache).opened()).isTrue();
        CachedUseLicense firstLicense = cache.find(Tampering.contentId(first), "bob@example.test").orElseThrow();
        cache.put(new CachedUseLicense(Tampering.contentId(second), "bob@example.test", firstLicense.notAfter(),
                firstLicense.encoded()));

        assertRefused(open(pki.bob, second, cache), Refusal.LICENSE_FOR_OTHER_MESSAGE,
                "the use license is for message " + Tampering.contentId(first));
    }

    @Test
    void aUseLicenseReplayedForAnotherLicenseeIsRefused() {
        MimeMessage message = TestMessages.parse(new ProtectedMessageBuilder(clock).protect(
                TestMessages.message("bob@example.test, carol@example.test"), ProtectionTemplate.ENCRYPT, pki.alice,
                List.of(pki.bob.certificate(), pki.carol.certificate())).toBytes());
        InMemoryUseLicenseCache carols = new InMemoryUseLicenseCache();
        assertThat(open(pki.carol, message, carols).opened()).isTrue();
        CachedUseLicense carolsLicense = carols.find(Tampering.contentId(message), "carol@example.test").orElseThrow();
        InMemoryUseLicenseCache bobs = new InMemoryUseLicenseCache();
        bobs.put(new CachedUseLicense(carolsLicense.contentId(), "bob@example.test", carolsLicense.notAfter(),
                carolsLicense.encoded()));

        assertRefused(open(pki.bob, message, bobs), Refusal.LICENSE_FOR_OTHER_LICENSEE,
                "the use license was issued to carol@example.test");
    }

    @Test
    void anEditedCachedLicenseIsRefusedNotSilentlyReplaced() {
        MimeMessage message = protectForBob();
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        open(pki.bob, message, cache);
        CachedUseLicense cached = cache.find(Tampering.contentId(message), "bob@example.test").orElseThrow();
        byte[] edited = cached.encoded();
        edited[edited.length - 5] ^= 0x02;
        cache.put(new CachedUseLicense(cached.contentId(), cached.licensee(), cached.notAfter().plus(Duration.ofDays(300)),
                edited));

        assertRefused(open(pki.bob, message, cache), Refusal.LICENSE_SIGNATURE_INVALID, "not signed by the device key it names");
    }
}
