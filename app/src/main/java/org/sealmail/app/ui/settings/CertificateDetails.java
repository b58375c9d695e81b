package org.sealmail.app.ui.settings;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sealmail.crypto.keys.CertificateAddresses;

/**
 * What the settings show of a certificate (RFC 5280 fields).
 *
 * @param subject the subject DN (RFC 4514 string)
 * @param issuer the issuer DN
 * @param serialHex the serial number, upper-case hex
 * @param notBefore start of validity (UTC)
 * @param notAfter end of validity (UTC)
 * @param addresses e-mail addresses (SAN rfc822Name and subject emailAddress)
 * @param keyAlgorithm the public key algorithm, e.g. "RSA" or "EC"
 * @param sha256 SHA-256 of the DER encoding, colon-separated upper-case hex (as {@code openssl x509 -fingerprint -sha256})
 * @param sha1 SHA-1 of the DER encoding, same format
 */
public record CertificateDetails(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
        List<String> addresses, String keyAlgorithm, String sha256, String sha1) {

    /** Copies the address list and rejects nulls. */
    public CertificateDetails {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        addresses = List.copyOf(addresses);
    }

    /**
     * @param certificate a certificate
     * @return its details
     * @throws IllegalArgumentException when the certificate cannot be encoded
     */
    public static CertificateDetails of(X509Certificate certificate) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
        return new CertificateDetails(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                new BigInteger(1, certificate.getSerialNumber().toByteArray()).toString(16).toUpperCase(Locale.ROOT),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                CertificateAddresses.of(certificate), certificate.getPublicKey().getAlgorithm(),
                fingerprint("SHA-256", der), fingerprint("SHA-1", der));
    }

    private static String fingerprint(String algorithm, byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }

    /**
     * @param at an instant
     * @return whether the certificate is valid (by date) at that instant
     */
    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
