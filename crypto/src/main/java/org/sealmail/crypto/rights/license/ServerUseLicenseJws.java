package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * Verifies a use license signed by a rights server (online licensing, docs/rights-server-api.md §5):
 * header {@code typ} {@value UseLicenseJws#TYPE}, {@code x5c} the server key's chain; payload
 * {@code ver, cid, iss, sub, dev, rights, iat, exp, cek, pl, srv} and, with double key encryption,
 * {@code dke} ({@code share_b}, {@code key_service}).
 */
public final class ServerUseLicenseJws {

    /**
     * How long a server-issued use license of a message with 0 offline days may last: long enough to open it
     * once (docs/rights-server-api.md §5); the client does not cache such a license.
     */
    public static final Duration SINGLE_OPEN = Duration.ofSeconds(300);

    private ServerUseLicenseJws() {
    }

    /**
     * Accepts a server-issued use license when: it is a well-formed JWS of type {@value UseLicenseJws#TYPE}; its
     * signature verifies with {@code x5c[0]} and {@code alg} fits that key; that certificate is one of the keys
     * of the rights server named by the embedded publishing license ({@code pl.rights_server}, which must equal
     * {@code srv}); {@code dev} is this device key; {@code cid} is this message; {@code pl} verifies, names the same
     * issuer and grants {@code sub} exactly {@code rights}; {@code exp} is no later than {@code iat} plus the
     * offline days; and {@code exp} is after {@code now}.
     *
     * @param compact the JWS compact serialization
     * @param contentId the content id of the message being opened
     * @param device this device's key
     * @param serverKeys the key certificates of a rights server, by its URL (listed over TLS or pinned)
     * @param now the current time (UTC)
     * @return the verified license
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED}, {@link Refusal#LICENSE_SIGNATURE_INVALID},
     *     {@link Refusal#LICENSE_ISSUER_UNTRUSTED}, {@link Refusal#LICENSE_FOR_OTHER_LICENSEE},
     *     {@link Refusal#LICENSE_FOR_OTHER_MESSAGE}, {@link Refusal#ISSUER_MISMATCH}, {@link Refusal#SIGNATURE_INVALID}
     *     or {@link Refusal#LICENSE_EXPIRED}, each saying what was wrong
     */
    public static ServerIssuedLicense verify(String compact, String contentId, DeviceKey device,
            Function<URI, List<X509Certificate>> serverKeys, Instant now) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw malformed("the use license is not a JWS: " + e.getMessage(), e);
        }
        if (jws.getHeader().getType() == null || !UseLicenseJws.TYPE.equals(jws.getHeader().getType().getType())) {
            throw malformed("the use license has typ " + jws.getHeader().getType() + ", expected " + UseLicenseJws.TYPE, null);
        }
        X509Certificate signer = signer(jws.getHeader().getX509CertChain());
        try {
            if (!jws.getHeader().getAlgorithm().equals(JoseKeys.signatureAlgorithm(signer.getPublicKey()))
                    || !jws.verify(JoseKeys.verifier(signer.getPublicKey()))) {
                throw new ProtectionRefusedException(Refusal.LICENSE_SIGNATURE_INVALID,
                        "the use license signature does not verify with its x5c certificate");
            }
        } catch (JOSEException e) {
            throw new ProtectionRefusedException(Refusal.LICENSE_SIGNATURE_INVALID, "cannot verify the use license: "
                    + e.getMessage(), e);
        }
        LicenseJson json = LicenseJson.parse(jws.getPayload().toString(), "use license");
        if (json.number("ver") != UseLicense.VERSION) {
            throw malformed("use license version " + json.number("ver") + " is not supported", null);
        }
        UseLicense license;
        try {
            license = new UseLicense(json.string("cid"), json.string("iss"), json.string("sub"), json.string("dev"),
                    json.rights("rights"), json.instant("iat"), json.instant("exp"), json.string("cek"), json.string("pl"));
        } catch (IllegalArgumentException e) {
            throw malformed("use license: " + e.getMessage(), e);
        }
        URI server = uri(json.string("srv"), "srv");
        SignedPublishingLicense publishingLicense = PublishingLicenseJws.verify(license.publishingLicense());
        PublishingLicense pl = publishingLicense.license();
        if (pl.rightsServer().isEmpty() || !pl.rightsServer().get().toString().equals(server.toString())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_ISSUER_UNTRUSTED, "the use license comes from " + server
                    + " but the publishing license names " + pl.rightsServer().map(Object::toString).orElse("no rights server"));
        }
        String signerId = CertificateReference.thumbprint(signer);
        boolean listed = serverKeys.apply(server).stream().anyMatch(key -> CertificateReference.thumbprint(key).equals(signerId));
        if (!listed) {
            throw new ProtectionRefusedException(Refusal.LICENSE_ISSUER_UNTRUSTED, "the use license is signed by "
                    + signer.getSubjectX500Principal().getName() + " (x5t#S256 " + signerId + "), which is not a key of " + server);
        }
        if (!license.deviceKeyId().equals(device.id())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_LICENSEE, "the use license was issued to device key "
                    + license.deviceKeyId() + ", not to this device (" + device.id() + ")");
        }
        if (!license.contentId().equals(contentId) || !pl.contentId().equals(contentId)) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_MESSAGE, "the use license is for message "
                    + license.contentId() + " (publishing license " + pl.contentId() + "), not for " + contentId);
        }
        if (!pl.issuer().equals(license.issuer())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license names issuer " + license.issuer()
                    + " but its publishing license was issued by " + pl.issuer());
        }
        RecipientGrant grant = pl.grantFor(license.licensee()).orElseThrow(() -> new ProtectionRefusedException(
                Refusal.ISSUER_MISMATCH, "the publishing license grants nothing to " + license.licensee()));
        if (!grant.rights().equals(license.rights())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license grants " + license.licensee() + " "
                    + license.rights() + " but the sender granted " + grant.rights());
        }
        Instant offlineLimit = license.issuedAt().plus(pl.offlineDays() == 0 ? SINGLE_OPEN : Duration.ofDays(pl.offlineDays()));
        if (license.notAfter().isAfter(offlineLimit)) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license runs to " + license.notAfter()
                    + ", later than the " + pl.offlineDays() + " offline days the sender allows (" + offlineLimit + ")");
        }
        if (license.isExpiredAt(now)) {
            throw new ProtectionRefusedException(Refusal.LICENSE_EXPIRED, "the use license expired at " + license.notAfter());
        }
        Optional<ServerIssuedLicense.DoubleKeyShare> doubleKey = Optional.empty();
        if (json.has("dke")) {
            LicenseJson dke = json.object("dke");
            doubleKey = Optional.of(new ServerIssuedLicense.DoubleKeyShare(dke.string("share_b"),
                    uri(dke.string("key_service"), "dke.key_service")));
        }
        return new ServerIssuedLicense(license, compact, publishingLicense, server, signer, doubleKey);
    }

    private static URI uri(String text, String member) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw malformed("use license: member '" + member + "' is not a URL: " + text, e);
        }
    }

    private static X509Certificate signer(List<Base64> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw malformed("the use license has no x5c certificate chain: a rights server signs with a listed key", null);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded.get(0).decode()));
        } catch (CertificateException e) {
            throw malformed("the use license x5c holds an unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static ProtectionRefusedException malformed(String message, Throwable cause) {
        return new ProtectionRefusedException(Refusal.MALFORMED, message, cause);
    }
}
