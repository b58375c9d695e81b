package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.license.LicenseClaims;
import org.sealmail.rights.license.PublishingLicenseReader;

/** The server reads publishing licenses with online grants (no {@code cert}) and refuses forged ones. */
class PublishingLicenseReaderTest {

    private static final CertifiedKey ALICE = TestPki.get().alice;

    @Test
    void onlineGrantWithoutCertificateIsReadWithItsRights() throws Exception {
        LicenseClaims claims = PublishingLicenseReader.verify(sign(ALICE, payload("alice@example.test",
                CertificateReference.thumbprint(ALICE.certificate())))).claims();
        assertThat(claims.rightsOf("Dan@Example.NET")).contains(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY));
        assertThat(claims.rightsOf("alice@example.test")).contains(UsageRights.of(UsageRight.OWNER));
        assertThat(claims.rightsServer()).contains("https://rights.example.org");
        assertThat(claims.notAfter()).hasValueSatisfying(exp -> assertThat(exp.getEpochSecond()).isEqualTo(1_800_000_000L));
        assertThat(claims.offlineDays()).isEqualTo(3);
    }

    @Test
    void licenseSignedByAnotherCertificateThanItsIssuersIsRefused() throws Exception {
        String forged = sign(TestPki.get().carol, payload("alice@example.test", CertificateReference.thumbprint(ALICE.certificate())));
        assertThatThrownBy(() -> PublishingLicenseReader.verify(forged)).hasMessageContaining("claims issuer alice@example.test");
        String wrongOwner = sign(ALICE, payload("alice@example.test", CertificateReference.thumbprint(TestPki.get().bob.certificate())));
        assertThatThrownBy(() -> PublishingLicenseReader.verify(wrongOwner)).hasMessageContaining("owner entry");
        String good = sign(ALICE, payload("alice@example.test", CertificateReference.thumbprint(ALICE.certificate())));
        String tampered = good.substring(0, good.indexOf('.') + 1) + new Payload(payload("alice@example.test",
                CertificateReference.thumbprint(ALICE.certificate())).replace("\"VIEW\",\"REPLY\"", "\"OWNER\""))
                .toBase64URL() + good.substring(good.lastIndexOf('.'));
        assertThatThrownBy(() -> PublishingLicenseReader.verify(tampered)).hasMessageContaining("signature does not verify");
    }

    private static String payload(String issuer, String ownerThumbprint) {
        return """
                {"ver":1,"cid":"ba7e3110-ff13-49d7-9cca-bb566105d9e6","iss":"%s","iat":1795943276,"exp":1800000000,
                 "offline_days":3,"template":{"id":"x","name":"x","rights":["VIEW"],"rules":[],"expires":"never","offline_days":3},
                 "owner":{"licensee":"%s","rights":["OWNER"],"cert":{"issuer":"AA==","serial":"1","x5t#S256":"%s"}},
                 "grants":[{"licensee":"dan@example.net","rights":["VIEW","REPLY"]}],
                 "rights_server":"https://rights.example.org","wrapper_sha256":"x"}
                """.formatted(issuer, issuer, ownerThumbprint);
    }

    private static String sign(CertifiedKey key, String json) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("sealmail-pl+jws"))
                .x509CertChain(List.of(Base64.encode(key.certificate().getEncoded()))).build(), new Payload(json));
        jws.sign(new RSASSASigner(key.privateKey()));
        return jws.serialize();
    }

}
