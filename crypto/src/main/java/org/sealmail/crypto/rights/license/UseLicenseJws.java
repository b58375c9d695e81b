package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * Derives, signs and verifies {@link UseLicense}s for certificate-based (offline) licensing.
 *
 * <p>The rights come from the sender-signed publishing license, embedded whole ({@code pl});
 * the use license itself is a JWS (RFC 7515) signed by the device key it is bound to, so the
 * first-open time, the notAfter and the wrapped key cannot be edited in the cache without that
 * key. Header: {@code alg}, {@code typ} {@value #TYPE}, {@code kid} the device key id. Payload
 * members: {@code ver, cid, iss, sub, dev, rights, iat, exp, cek, pl}.
 */
public final class UseLicenseJws {

    /** The JOSE {@code typ} of use licenses (explicit typing, RFC 8725 §3.11). */
    public static final String TYPE = "sealmail-ul+jws";

    private UseLicenseJws() {
    }

    /**
     * Derives a use license from a verified publishing license for the holder of {@code device}.
     *
     * @param publishingLicense the verified publishing license of the message
     * @param device the licensee's certificate (the device key)
     * @param contentKey the content-encryption key, wrapped to {@code device} inside the license
     * @param firstOpen when the message is first opened (UTC)
     * @return the license, notAfter = min(message expiry, first open + offline days)
     * @throws ProtectionRefusedException {@link Refusal#NOT_A_RECIPIENT} if the license grants that certificate nothing
     */
    public static UseLicense derive(SignedPublishingLicense publishingLicense, X509Certificate device, byte[] contentKey,
            Instant firstOpen) {
        PublishingLicense license = publishingLicense.license();
        RecipientGrant grant = license.grantFor(device).orElseThrow(() -> new ProtectionRefusedException(
                Refusal.NOT_A_RECIPIENT, "the publishing license grants nothing to " + PublishingLicenseJws.describe(device)));
        Instant issuedAt = firstOpen.truncatedTo(ChronoUnit.SECONDS);
        return new UseLicense(license.contentId(), license.issuer(), grant.licensee(), CertificateReference.thumbprint(device),
                grant.rights(), issuedAt, latestNotAfter(license, issuedAt), ContentKeyWrap.wrap(contentKey, device),
                publishingLicense.compact());
    }

    private static Instant latestNotAfter(PublishingLicense license, Instant issuedAt) {
        Instant offline = issuedAt.plus(Duration.ofDays(license.offlineDays()));
        return license.notAfter().filter(expiry -> expiry.isBefore(offline)).orElse(offline);
    }

    /**
     * Signs a use license with its device key.
     *
     * @param license the license
     * @param device the device key; its certificate's thumbprint must be the license's device key id
     * @return the JWS compact serialization (ASCII)
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the key is not the license's device key
     */
    public static String sign(UseLicense license, CertifiedKey device) {
        return signClaims(license, device);
    }

    /**
     * The use license's JWS payload members in their documented order (docs/protected-message-format.md,
     * "Use license"): ver, cid, iss, sub, dev, rights, iat, exp (seconds, UTC), cek, pl. A rights server
     * appends its own members after these.
     *
     * @param license the license
     * @return a new, mutable, ordered map
     */
    public static Map<String, Object> claims(UseLicense license) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ver", UseLicense.VERSION);
        json.put("cid", license.contentId());
        json.put("iss", license.issuer());
        json.put("sub", license.licensee());
        json.put("dev", license.deviceKeyId());
        json.put("rights", license.rights().names());
        json.put("iat", license.issuedAt().getEpochSecond());
        json.put("exp", license.notAfter().getEpochSecond());
        json.put("cek", license.wrappedContentKey());
        json.put("pl", license.publishingLicense());
        return json;
    }

    private static String signClaims(UseLicense license, CertifiedKey device) {
        String deviceKeyId = CertificateReference.thumbprint(device.certificate());
        if (!deviceKeyId.equals(license.deviceKeyId())) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "the use license is bound to device key "
                    + license.deviceKeyId() + ", not to " + deviceKeyId);
        }
        Map<String, Object> json = claims(license);
        try {
            JWSHeader header = new JWSHeader.Builder(JoseKeys.signatureAlgorithm(device.privateKey()))
                    .type(new JOSEObjectType(TYPE)).keyID(deviceKeyId).build();
            JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(json)));
            jws.sign(JoseKeys.signer(device.privateKey()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot sign the use license: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a cached use license before it is used to open message {@code contentId}: bound
     * to this licensee and device key, signed by that key, for this message, resting on a
     * publishing license signed by its claimed issuer that grants exactly these rights and
     * allows this notAfter, and not expired.
     *
     * @param compact the JWS compact serialization
     * @param contentId the content id of the message being opened
     * @param device the device key opening it
     * @param now the current time (UTC)
     * @return the verified license
     * @throws ProtectionRefusedException with {@link Refusal#MALFORMED}, {@link Refusal#LICENSE_FOR_OTHER_LICENSEE},
     *     {@link Refusal#LICENSE_SIGNATURE_INVALID}, {@link Refusal#LICENSE_FOR_OTHER_MESSAGE},
     *     {@link Refusal#SIGNATURE_INVALID}, {@link Refusal#ISSUER_MISMATCH} or {@link Refusal#LICENSE_EXPIRED}
     */
    public static VerifiedUseLicense verify(String compact, String contentId, CertifiedKey device, Instant now) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "the use license is not a JWS: " + e.getMessage(), e);
        }
        if (jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "the use license has typ " + jws.getHeader().getType()
                    + ", expected " + TYPE);
        }
        UseLicense license = fromJson(jws.getPayload().toString());
        X509Certificate certificate = device.certificate();
        String deviceKeyId = CertificateReference.thumbprint(certificate);
        if (!deviceKeyId.equals(license.deviceKeyId()) || !deviceKeyId.equals(jws.getHeader().getKeyID())
                || !CertificateAddresses.matches(certificate, license.licensee())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_LICENSEE, "the use license was issued to "
                    + license.licensee() + " (device key " + license.deviceKeyId() + "), not to "
                    + PublishingLicenseJws.describe(certificate) + " (device key " + deviceKeyId + ")");
        }
        verifySignature(jws, certificate);
        if (!license.contentId().equals(contentId)) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_MESSAGE, "the use license is for message "
                    + license.contentId() + ", not for " + contentId);
        }
        SignedPublishingLicense publishingLicense = PublishingLicenseJws.verify(license.publishingLicense());
        checkAgainst(license, publishingLicense.license(), certificate);
        if (license.isExpiredAt(now)) {
            throw new ProtectionRefusedException(Refusal.LICENSE_EXPIRED, "the use license expired at " + license.notAfter());
        }
        return new VerifiedUseLicense(license, publishingLicense);
    }

    private static void verifySignature(JWSObject jws, X509Certificate certificate) {
        try {
            if (!jws.getHeader().getAlgorithm().equals(JoseKeys.signatureAlgorithm(certificate.getPublicKey()))
                    || !jws.verify(JoseKeys.verifier(certificate.getPublicKey()))) {
                throw new ProtectionRefusedException(Refusal.LICENSE_SIGNATURE_INVALID,
                        "the use license is not signed by the device key it names");
            }
        } catch (JOSEException e) {
            throw new ProtectionRefusedException(Refusal.LICENSE_SIGNATURE_INVALID, "cannot verify the use license: "
                    + e.getMessage(), e);
        }
    }

    private static void checkAgainst(UseLicense license, PublishingLicense publishingLicense, X509Certificate device) {
        if (!publishingLicense.contentId().equals(license.contentId())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_MESSAGE, "the use license for message "
                    + license.contentId() + " embeds the publishing license of message " + publishingLicense.contentId());
        }
        if (!publishingLicense.issuer().equals(license.issuer())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license names issuer " + license.issuer()
                    + " but its publishing license was issued by " + publishingLicense.issuer());
        }
        RecipientGrant grant = publishingLicense.grantFor(device).orElseThrow(() -> new ProtectionRefusedException(
                Refusal.ISSUER_MISMATCH, "the issuer's publishing license grants nothing to this device key"));
        if (!grant.rights().equals(license.rights()) || !grant.licensee().equals(license.licensee())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license grants " + license.licensee()
                    + " " + license.rights() + " but the issuer granted " + grant.licensee() + " " + grant.rights());
        }
        if (license.notAfter().isAfter(latestNotAfter(publishingLicense, license.issuedAt()))) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the use license runs to " + license.notAfter()
                    + ", later than the issuer allows (" + latestNotAfter(publishingLicense, license.issuedAt()) + ")");
        }
    }

    private static UseLicense fromJson(String text) {
        LicenseJson json = LicenseJson.parse(text, "use license");
        long version = json.number("ver");
        if (version != UseLicense.VERSION) {
            throw LicenseJson.malformed("use license version " + version + " is not supported", null);
        }
        try {
            return new UseLicense(json.string("cid"), json.string("iss"), json.string("sub"), json.string("dev"),
                    json.rights("rights"), json.instant("iat"), json.instant("exp"), json.string("cek"), json.string("pl"));
        } catch (IllegalArgumentException e) {
            throw LicenseJson.malformed("use license: " + e.getMessage(), e);
        }
    }
}
