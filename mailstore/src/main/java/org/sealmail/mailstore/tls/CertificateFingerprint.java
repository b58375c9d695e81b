package org.sealmail.mailstore.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints of certificates (over the DER encoding), written as 32 upper-case hex
 * pairs separated by colons, as {@code openssl x509 -fingerprint -sha256} prints them.
 */
public final class CertificateFingerprint {

    private CertificateFingerprint() {
    }

    /**
     * @param certificate a certificate
     * @return its SHA-256 fingerprint, e.g. {@code 3A:F1:...} (95 characters)
     * @throws IllegalArgumentException if the certificate cannot be encoded
     */
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Normalises a fingerprint typed by a user: accepts upper or lower case, with colons,
     * spaces or nothing between the pairs.
     *
     * @param text the fingerprint
     * @return it in canonical form (upper case, colon-separated)
     * @throws IllegalArgumentException if it is not 32 bytes of hex
     */
    public static String normalize(String text) {
        String hex = text.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
