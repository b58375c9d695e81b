package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;

/** Publishing licenses for the license tests: alice grants bob and carol. */
public final class TestLicenses {

    public static final UsageRights DO_NOT_FORWARD = UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL);

    private TestLicenses() {
    }

    public static PublishingLicense aliceToBobAndCarol(String contentId, Instant issuedAt, Optional<Instant> notAfter, int offlineDays) {
        TestPki pki = TestPki.get();
        return new PublishingLicense(contentId, "alice@example.test", issuedAt, ProtectionTemplate.DO_NOT_FORWARD, notAfter,
                offlineDays, new RecipientGrant("alice@example.test", UsageRights.of(UsageRight.OWNER),
                        CertificateReference.of(pki.alice.certificate())),
                List.of(new RecipientGrant("bob@example.test", DO_NOT_FORWARD, CertificateReference.of(pki.bob.certificate())),
                        new RecipientGrant("carol@example.test", DO_NOT_FORWARD, CertificateReference.of(pki.carol.certificate()))),
                Optional.empty(), "wrapper-digest");
    }

    /** @return a JWS with the license's JSON, typed as a publishing license, signed by {@code signer} whatever its iss says */
    public static String signedBy(PublishingLicense license, CertifiedKey signer) throws Exception {
        return signedJson(PublishingLicenseJws.toJson(license), signer);
    }

    /** @return a JWS with this JSON payload, typed as a publishing license, signed by {@code signer} (RSA) */
    public static String signedJson(String json, CertifiedKey signer) throws Exception {
        List<Base64> chain = new ArrayList<>();
        for (var certificate : signer.chain()) {
            chain.add(Base64.encode(certificate.getEncoded()));
        }
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(PublishingLicenseJws.TYPE)).x509CertChain(chain).build(),
                new Payload(json));
        jws.sign(new RSASSASigner(signer.privateKey()));
        return jws.serialize();
    }
}
