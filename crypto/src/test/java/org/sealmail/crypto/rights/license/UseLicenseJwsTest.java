package org.sealmail.crypto.rights.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.testing.TestPki;

class UseLicenseJwsTest {

    private static final Instant ISSUED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant FIRST_OPEN = Instant.parse("2026-01-06T08:30:00Z");

    private final TestPki pki = TestPki.get();
    private final byte[] contentKey = new SecureRandom().generateSeed(32);

    private SignedPublishingLicense publishingLicense(String contentId, Optional<Instant> notAfter, int offlineDays) {
        return PublishingLicenseJws.verify(PublishingLicenseJws.sign(
                TestLicenses.aliceToBobAndCarol(contentId, ISSUED, notAfter, offlineDays), pki.alice));
    }

    private String signedFor(CertifiedKey device, SignedPublishingLicense publishingLicense) {
        return UseLicenseJws.sign(UseLicenseJws.derive(publishingLicense, device.certificate(), contentKey, FIRST_OPEN), device);
    }

    @Test
    void notAfterIsFirstOpenPlusOfflineDaysWhenTheMessageLastsLonger() {
        UseLicense license = UseLicenseJws.derive(publishingLicense("c", Optional.of(ISSUED.plus(Duration.ofDays(30))), 7),
                pki.bob.certificate(), contentKey, FIRST_OPEN);
        assertThat(license.notAfter()).isEqualTo(Instant.parse("2026-01-13T08:30:00Z"));
        assertThat(license.rights()).isEqualTo(TestLicenses.DO_NOT_FORWARD);
        assertThat(license.licensee()).isEqualTo("bob@example.test");
        assertThat(license.issuer()).isEqualTo("alice@example.test");
        assertThat(license.deviceKeyId()).isEqualTo(CertificateReference.thumbprint(pki.bob.certificate()));
    }

    @Test
    void notAfterIsTheMessageExpiryWhenThatComesFirst() {
        UseLicense license = UseLicenseJws.derive(publishingLicense("c", Optional.of(Instant.parse("2026-01-08T00:00:00Z")), 7),
                pki.bob.certificate(), contentKey, FIRST_OPEN);
        assertThat(license.notAfter()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
        UseLicense forever = UseLicenseJws.derive(publishingLicense("c", Optional.empty(), 30), pki.bob.certificate(),
                contentKey, FIRST_OPEN);
        assertThat(forever.notAfter()).isEqualTo(Instant.parse("2026-02-05T08:30:00Z"));
    }

    @Test
    void theSenderGetsAnOwnerLicense() {
        UseLicense license = UseLicenseJws.derive(publishingLicense("c", Optional.empty(), 1), pki.alice.certificate(),
                contentKey, FIRST_OPEN);
        assertThat(license.rights()).isEqualTo(UsageRights.of(UsageRight.OWNER));
    }

    @Test
    void aStrangerGetsNoLicense() {
        assertThatThrownBy(() -> UseLicenseJws.derive(publishingLicense("c", Optional.empty(), 1), pki.erin.certificate(),
                contentKey, FIRST_OPEN)).isInstanceOfSatisfying(ProtectionRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_A_RECIPIENT));
    }

    @Test
    void verifiesAndUnwrapsTheContentKeyWithTheDeviceKey() throws Exception {
        SignedPublishingLicense publishingLicense = publishingLicense("c1", Optional.empty(), 7);
        String jws = signedFor(pki.bob, publishingLicense);

        VerifiedUseLicense verified = UseLicenseJws.verify(jws, "c1", pki.bob, FIRST_OPEN.plus(Duration.ofDays(6)));

        assertThat(verified.publishingLicense().license()).isEqualTo(publishingLicense.license());
        assertThat(ContentKeyWrap.unwrap(verified.license().wrappedContentKey(), pki.bob.privateKey())).isEqualTo(contentKey);
        JWSObject parsed = JWSObject.parse(jws);
        assertThat(parsed.getHeader().getType().getType()).isEqualTo("sealmail-ul+jws");
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(CertificateReference.thumbprint(pki.bob.certificate()));
        assertThat(parsed.getPayload().toJSONObject().keySet())
                .containsExactly("ver", "cid", "iss", "sub", "dev", "rights", "iat", "exp", "cek", "pl");
    }

    @Test
    void anEcDeviceKeyWorksToo() {
        SignedPublishingLicense publishingLicense = PublishingLicenseJws.verify(PublishingLicenseJws.sign(new PublishingLicense(
                "ce", "alice@example.test", ISSUED, org.sealmail.crypto.rights.template.ProtectionTemplate.ENCRYPT,
                Optional.empty(), 3, new RecipientGrant("alice@example.test", UsageRights.of(UsageRight.OWNER),
                        CertificateReference.of(pki.alice.certificate())),
                java.util.List.of(new RecipientGrant("frank@example.test", TestLicenses.DO_NOT_FORWARD,
                        CertificateReference.of(pki.frank.certificate()))), Optional.empty(), "d"), pki.alice));
        String jws = signedFor(pki.frank, publishingLicense);
        VerifiedUseLicense verified = UseLicenseJws.verify(jws, "ce", pki.frank, FIRST_OPEN);
        assertThat(ContentKeyWrap.unwrap(verified.license().wrappedContentKey(), pki.frank.privateKey())).isEqualTo(contentKey);
    }

    @Test
    void anExpiredLicenseIsRefused() {
        String jws = signedFor(pki.bob, publishingLicense("c1", Optional.empty(), 7));
        assertRefused(jws, "c1", pki.bob, FIRST_OPEN.plus(Duration.ofDays(7)), Refusal.LICENSE_EXPIRED,
                "expired at 2026-01-13T08:30:00Z");
    }

    @Test
    void aLicenseReplayedForAnotherMessageIsRefused() {
        String jws = signedFor(pki.bob, publishingLicense("c1", Optional.empty(), 7));
        assertRefused(jws, "c2", pki.bob, FIRST_OPEN, Refusal.LICENSE_FOR_OTHER_MESSAGE, "is for message c1, not for c2");
    }

    @Test
    void aLicenseReplayedForAnotherLicenseeIsRefused() {
        String carols = signedFor(pki.carol, publishingLicense("c1", Optional.empty(), 7));
        assertRefused(carols, "c1", pki.bob, FIRST_OPEN, Refusal.LICENSE_FOR_OTHER_LICENSEE,
                "issued to carol@example.test");
    }

    @Test
    void aLicenseSignedByAnotherKeyThanItsDeviceKeyIsRefused() throws Exception {
        String bobs = signedFor(pki.bob, publishingLicense("c1", Optional.empty(), 7));
        String carols = signedFor(pki.carol, publishingLicense("c1", Optional.empty(), 7));
        String forged = bobs.substring(0, bobs.lastIndexOf('.')) + carols.substring(carols.lastIndexOf('.'));
        assertRefused(forged, "c1", pki.bob, FIRST_OPEN, Refusal.LICENSE_SIGNATURE_INVALID,
                "not signed by the device key it names");
    }

    @Test
    void aLicenseWhosePublishingLicenseIsSignedBySomeoneElseThanItsIssuerIsRefused() throws Exception {
        PublishingLicense claimsAlice = TestLicenses.aliceToBobAndCarol("c1", ISSUED, Optional.empty(), 7);
        SignedPublishingLicense forged = new SignedPublishingLicense(claimsAlice, TestLicenses.signedBy(claimsAlice, pki.carol),
                pki.carol.chain());
        String jws = signedFor(pki.bob, forged);
        assertRefused(jws, "c1", pki.bob, FIRST_OPEN, Refusal.ISSUER_MISMATCH,
                "claims issuer alice@example.test but is signed by a certificate for carol@example.test");
    }

    @Test
    void rightsBeyondWhatTheIssuerGrantedAreRefused() {
        SignedPublishingLicense publishingLicense = publishingLicense("c1", Optional.empty(), 7);
        UseLicense derived = UseLicenseJws.derive(publishingLicense, pki.bob.certificate(), contentKey, FIRST_OPEN);
        UseLicense widened = new UseLicense(derived.contentId(), derived.issuer(), derived.licensee(), derived.deviceKeyId(),
                UsageRights.of(UsageRight.VIEW, UsageRight.FORWARD, UsageRight.PRINT), derived.issuedAt(), derived.notAfter(),
                derived.wrappedContentKey(), derived.publishingLicense());
        assertRefused(UseLicenseJws.sign(widened, pki.bob), "c1", pki.bob, FIRST_OPEN, Refusal.ISSUER_MISMATCH,
                "but the issuer granted bob@example.test VIEW, REPLY, REPLYALL");
        UseLicense extended = new UseLicense(derived.contentId(), derived.issuer(), derived.licensee(), derived.deviceKeyId(),
                derived.rights(), derived.issuedAt(), derived.notAfter().plus(Duration.ofDays(1)), derived.wrappedContentKey(),
                derived.publishingLicense());
        assertRefused(UseLicenseJws.sign(extended, pki.bob), "c1", pki.bob, FIRST_OPEN, Refusal.ISSUER_MISMATCH,
                "later than the issuer allows");
    }

    @Test
    void aTruncatedLicenseIsMalformed() {
        String jws = signedFor(pki.bob, publishingLicense("c1", Optional.empty(), 7));
        assertRefused(jws.substring(0, jws.length() / 3), "c1", pki.bob, FIRST_OPEN, Refusal.MALFORMED, "use license");
    }

    private static void assertRefused(String jws, String contentId, CertifiedKey device, Instant now, Refusal refusal,
            String message) {
        assertThatThrownBy(() -> UseLicenseJws.verify(jws, contentId, device, now))
                .isInstanceOfSatisfying(ProtectionRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal))
                .hasMessageContaining(message);
    }
}
