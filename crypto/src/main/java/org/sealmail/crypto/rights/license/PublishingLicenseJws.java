package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * Signs and verifies a {@link PublishingLicense} as a JWS (RFC 7515, compact serialization):
 * header {@code alg} (RS256/ES256/ES384), {@code typ} {@value #TYPE}, {@code x5c} the
 * issuer's chain; payload the license JSON.
 */
public final class PublishingLicenseJws {

    /** The JOSE {@code typ} of publishing licenses (explicit typing, RFC 8725 §3.11). */
    public static final String TYPE = "sealmail-pl+jws";

    private PublishingLicenseJws() {
    }

    /**
     * Signs a publishing license with the issuer's key.
     *
     * @param license the license; its issuer must be an address of {@code issuerKey}'s certificate
     * @param issuerKey the sender's key and chain
     * @return the JWS compact serialization (ASCII)
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the certificate does not name the issuer,
     *     {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key type JOSE cannot sign with
     */
    public static String sign(PublishingLicense license, CertifiedKey issuerKey) {
        if (!CertificateAddresses.matches(issuerKey.certificate(), license.issuer())) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "the signing certificate does not name the issuer "
                    + license.issuer());
        }
        return sign(PublishingLicenseJson.toJson(license), issuerKey);
    }

    private static String sign(String json, CertifiedKey signerKey) {
        try {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : signerKey.chain()) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(JoseKeys.signatureAlgorithm(signerKey.privateKey()))
                    .type(new JOSEObjectType(TYPE)).x509CertChain(chain).build();
            JWSObject jws = new JWSObject(header, new Payload(json));
            jws.sign(JoseKeys.signer(signerKey.privateKey()));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot sign the publishing license: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param license a publishing license
     * @return its JSON form (the JWS payload)
     */
    public static String toJson(PublishingLicense license) {
        return PublishingLicenseJson.toJson(license);
    }

    /**
     * Verifies a publishing license JWS: well-formed, {@code typ} {@value #TYPE}, signature valid
     * with the first {@code x5c} certificate, whose key type matches {@code alg}, that certificate
     * names the license's {@code iss}, and the owner entry is that certificate and address (the
     * sender, who can always open). Does not validate the chain to a trust anchor.
     *
     * @param compact the JWS compact serialization
     * @return the verified license
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if it cannot be parsed,
     *     {@link Refusal#SIGNATURE_INVALID} if the signature does not verify,
     *     {@link Refusal#ISSUER_MISMATCH} if the signer's certificate does not name the issuer or the owner entry
     *     is not the signer
     */
    public static SignedPublishingLicense verify(String compact) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "publishing license is not a JWS: " + e.getMessage(), e);
        }
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !TYPE.equals(header.getType().getType())) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "publishing license has typ " + header.getType()
                    + ", expected " + TYPE);
        }
        List<X509Certificate> chain = certificates(header.getX509CertChain());
        X509Certificate signer = chain.get(0);
        if (!header.getAlgorithm().equals(JoseKeys.signatureAlgorithm(signer.getPublicKey()))) {
            throw new ProtectionRefusedException(Refusal.SIGNATURE_INVALID, "publishing license algorithm "
                    + header.getAlgorithm() + " does not fit the signer's " + signer.getPublicKey().getAlgorithm() + " key");
        }
        try {
            if (!jws.verify(JoseKeys.verifier(signer.getPublicKey()))) {
                throw new ProtectionRefusedException(Refusal.SIGNATURE_INVALID,
                        "the publishing license signature does not verify: its rights or recipients were changed");
            }
        } catch (JOSEException e) {
            throw new ProtectionRefusedException(Refusal.SIGNATURE_INVALID, "cannot verify the publishing license: "
                    + e.getMessage(), e);
        }
        PublishingLicense license = PublishingLicenseJson.fromJson(jws.getPayload().toString());
        if (!CertificateAddresses.matches(signer, license.issuer())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the publishing license claims issuer "
                    + license.issuer() + " but is signed by a certificate for " + describe(signer));
        }
        RecipientGrant owner = license.owner();
        if (owner.certificate().filter(reference -> reference.matches(signer)).isEmpty()) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the owner entry names "
                    + owner.certificate().map(Object::toString).orElse("no certificate")
                    + ", not the signer's certificate (" + describe(signer) + ")");
        }
        if (!owner.licensee().equals(license.issuer().trim().toLowerCase(Locale.ROOT))) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the owner entry names " + owner.licensee()
                    + ", not the issuer " + license.issuer());
        }
        return new SignedPublishingLicense(license, compact, chain);
    }

    private static List<X509Certificate> certificates(List<Base64> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "publishing license has no x5c certificate chain");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Base64 certificate : encoded) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.decode())));
            }
            return chain;
        } catch (CertificateException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "publishing license x5c holds an unreadable certificate: "
                    + e.getMessage(), e);
        }
    }

    static String describe(X509Certificate certificate) {
        List<String> addresses = CertificateAddresses.of(certificate);
        return addresses.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", addresses);
    }
}
