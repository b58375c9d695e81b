package org.sealmail.crypto.rights.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.testing.TestPki;

class PublishingLicenseJwsTest {

    private final TestPki pki = TestPki.get();
    private final PublishingLicense license = TestLicenses.aliceToBobAndCarol("cid-1", Instant.parse("2026-01-05T10:00:00Z"),
            Optional.of(Instant.parse("2026-02-04T10:00:00Z")), 7);

    @Test
    void signsAndVerifiesWithTheIssuersChain() {
        String jws = PublishingLicenseJws.sign(license, pki.alice);

        SignedPublishingLicense verified = PublishingLicenseJws.verify(jws);

        assertThat(verified.license()).isEqualTo(license);
        assertThat(verified.signer()).isEqualTo(pki.alice.certificate());
        assertThat(verified.chain()).isEqualTo(pki.alice.chain());
    }

    @Test
    void writesTheDocumentedHeaderAndMembers() throws Exception {
        JWSObject jws = JWSObject.parse(PublishingLicenseJws.sign(license, pki.alice));
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jws.getHeader().getType().getType()).isEqualTo("sealmail-pl+jws");
        Map<String, Object> json = JSONObjectUtils.parse(jws.getPayload().toString());
        assertThat(json.keySet()).containsExactly("ver", "cid", "iss", "iat", "exp", "offline_days", "template", "owner",
                "grants", "wrapper_sha256");
        assertThat(json.get("iat")).isEqualTo(Instant.parse("2026-01-05T10:00:00Z").getEpochSecond());
        assertThat(jws.getPayload().toString()).contains("\"rights\":[\"VIEW\",\"REPLY\",\"REPLYALL\"]")
                .contains("\"licensee\":\"bob@example.test\"")
                .contains("\"x5t#S256\":\"" + CertificateReference.thumbprint(pki.bob.certificate()) + "\"")
                .contains("\"serial\":\"" + pki.bob.certificate().getSerialNumber().toString(16) + "\"");
    }

    @Test
    void anEcIssuerSignsWithEs256() throws Exception {
        PublishingLicense fromErin = new PublishingLicense("cid-e", "erin@example.test", license.issuedAt(), license.template(),
                Optional.empty(), 0, new RecipientGrant("erin@example.test", license.owner().rights(),
                        CertificateReference.of(pki.erin.certificate())), license.grants(), Optional.empty(), "d");
        String jws = PublishingLicenseJws.sign(fromErin, pki.erin);
        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(PublishingLicenseJws.verify(jws).license()).isEqualTo(fromErin);
    }

    @Test
    void refusesToSignForAnIssuerTheCertificateDoesNotName() {
        assertThatThrownBy(() -> PublishingLicenseJws.sign(license, pki.carol))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.CERTIFICATE));
    }

    @Test
    void changedRightsBreakTheSignature() {
        String[] parts = PublishingLicenseJws.sign(license, pki.alice).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String widened = payload.replaceFirst("\"VIEW\",\"REPLY\",\"REPLYALL\"", "\"VIEW\",\"PRINT\",\"FORWARD\",\"REPLY\",\"REPLYALL\"");
        assertThat(widened).isNotEqualTo(payload);
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(widened.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(tampered, Refusal.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void aLicenseSignedBySomeoneElseThanItsIssuerIsRefused() throws Exception {
        String forged = TestLicenses.signedBy(license, pki.carol);

        assertRefused(forged, Refusal.ISSUER_MISMATCH,
                "claims issuer alice@example.test but is signed by a certificate for carol@example.test");
    }

    @Test
    void anInstantBeyondWhatJavaCanRepresentIsMalformedNotACrash() throws Exception {
        String json = PublishingLicenseJws.toJson(license).replace("\"exp\":" + license.notAfter().orElseThrow().getEpochSecond(),
                "\"exp\":1000000000000000000");
        assertThat(json).contains("1000000000000000000");

        assertRefused(TestLicenses.signedJson(json, pki.alice), Refusal.MALFORMED,
                "publishing license: member 'exp' is not a representable time: 1000000000000000000");
    }

    @Test
    void theOwnerEntryMustBeTheSignersOwnCertificateAndAddress() throws Exception {
        PublishingLicense bobAsOwner = new PublishingLicense(license.contentId(), license.issuer(), license.issuedAt(),
                license.template(), license.notAfter(), license.offlineDays(), new RecipientGrant("alice@example.test",
                        license.owner().rights(), CertificateReference.of(pki.bob.certificate())), license.grants(),
                Optional.empty(), "d");
        PublishingLicense otherAddress = new PublishingLicense(license.contentId(), license.issuer(), license.issuedAt(),
                license.template(), license.notAfter(), license.offlineDays(), new RecipientGrant("bob@example.test",
                        license.owner().rights(), license.owner().certificate()), license.grants(), Optional.empty(), "d");

        assertRefused(TestLicenses.signedBy(bobAsOwner, pki.alice), Refusal.ISSUER_MISMATCH,
                "the owner entry names certificate serial " + pki.bob.certificate().getSerialNumber().toString(16));
        assertRefused(TestLicenses.signedBy(otherAddress, pki.alice), Refusal.ISSUER_MISMATCH,
                "the owner entry names bob@example.test, not the issuer alice@example.test");
    }

    @Test
    void truncatedOrMistypedLicensesAreMalformed() {
        String jws = PublishingLicenseJws.sign(license, pki.alice);
        assertRefused(jws.substring(0, jws.indexOf('.')), Refusal.MALFORMED, "not a JWS");
        assertRefused(UseLicenseJws.TYPE, Refusal.MALFORMED, "not a JWS");
    }

    private static void assertRefused(String jws, Refusal refusal, String message) {
        assertThatThrownBy(() -> PublishingLicenseJws.verify(jws)).isInstanceOfSatisfying(ProtectionRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal)).hasMessageContaining(message);
    }
}
