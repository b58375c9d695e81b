package org.sealmail.crypto.smime.encrypt;

import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.sealmail.crypto.keys.CertificateAddresses;

/**
 * Decides whether a certificate can be encrypted to (RFC 8550 §4.4, RFC 5280 §4.2.1.3 and
 * §4.2.1.12): in its validity period at the given time, an RSA key of at least 2048 bits or an EC
 * key on P-256, P-384 or P-521, a key usage (when present) that allows key encipherment (RSA) or
 * key agreement (EC), an extended key usage (when present) that allows e-mail protection, and an
 * address matching the recipient's when the certificate names any address. Chain validation is
 * the caller's business (certificates come from a validated directory or from the user).
 */
final class RecipientCertificateCheck {

    private static final int MIN_RSA_BITS = 2048;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    /** The EC curves Sealmail encrypts to, by OID. */
    enum Curve {
        P256("1.2.840.10045.3.1.7", "P-256"),
        P384("1.3.132.0.34", "P-384"),
        P521("1.3.132.0.35", "P-521");

        final String oid;
        final String displayName;

        Curve(String oid, String displayName) {
            this.oid = oid;
            this.displayName = displayName;
        }

        static Optional<Curve> of(PublicKey key) {
            if (!isEc(key)) {
                return Optional.empty();
            }
            try {
                SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
                if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                        || !(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
                    return Optional.empty();
                }
                for (Curve candidate : values()) {
                    if (candidate.oid.equals(curve.getId())) {
                        return Optional.of(candidate);
                    }
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }

    private RecipientCertificateCheck() {
    }

    static boolean isEc(PublicKey key) {
        return "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm()) || "ECDH".equals(key.getAlgorithm());
    }

    /**
     * @param certificate the certificate, or null
     * @param address the recipient's address
     * @param now the time of encryption
     * @return why the certificate cannot be used, or empty if it can
     */
    static Optional<String> problem(X509Certificate certificate, String address, Instant now) {
        if (certificate == null) {
            return Optional.of("no certificate");
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Optional.of("certificate expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return Optional.of("certificate not valid before " + certificate.getNotBefore().toInstant());
        }
        PublicKey key = certificate.getPublicKey();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                return Optional.of("RSA key of " + rsa.getModulus().bitLength() + " bits, at least " + MIN_RSA_BITS + " required");
            }
            if (keyUsage != null && !keyUsage[KEY_ENCIPHERMENT]) {
                return Optional.of("key usage does not allow keyEncipherment");
            }
        } else if (isEc(key)) {
            if (Curve.of(key).isEmpty()) {
                return Optional.of("EC key on a curve other than P-256, P-384 or P-521");
            }
            if (keyUsage != null && (keyUsage.length <= KEY_AGREEMENT || !keyUsage[KEY_AGREEMENT])) {
                return Optional.of("key usage does not allow keyAgreement");
            }
        } else {
            return Optional.of("unsupported key type " + key.getAlgorithm() + " (RSA or EC required)");
        }
        try {
            List<String> extendedKeyUsage = certificate.getExtendedKeyUsage();
            if (extendedKeyUsage != null && !extendedKeyUsage.contains(EMAIL_PROTECTION)
                    && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
                return Optional.of("extended key usage does not allow e-mail protection");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("unreadable extended key usage extension");
        }
        List<String> addresses = CertificateAddresses.of(certificate);
        if (!addresses.isEmpty() && !CertificateAddresses.matches(certificate, address)) {
            return Optional.of("certificate is issued to " + String.join(", ", addresses));
        }
        return Optional.empty();
    }
}
