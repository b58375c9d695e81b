package org.sealmail.crypto.rights.license;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Names one certificate inside a license: its issuer and serial number (as a CMS
 * RecipientInfo's IssuerAndSerialNumber does, RFC 5652 §10.2.4) and its SHA-256 thumbprint
 * (JOSE {@code x5t#S256}, RFC 7515 §4.1.8), which is also the device key id of use licenses.
 *
 * @param issuer the DER encoding of the certificate's issuer Name
 * @param serial the certificate serial number
 * @param thumbprint base64url (no padding) of SHA-256 over the certificate's DER encoding
 */
public record CertificateReference(byte[] issuer, BigInteger serial, String thumbprint) {

    /** Checks and copies the fields. */
    public CertificateReference {
        issuer = issuer.clone();
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(thumbprint, "thumbprint");
    }

    /** @return a reference to the certificate */
    public static CertificateReference of(X509Certificate certificate) {
        return new CertificateReference(certificate.getIssuerX500Principal().getEncoded(), certificate.getSerialNumber(),
                thumbprint(certificate));
    }

    /**
     * @param certificate a certificate
     * @return its {@code x5t#S256}: base64url without padding of SHA-256 over its DER encoding
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if it cannot be encoded
     */
    public static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "cannot encode certificate "
                    + certificate.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    /** @return true if this names exactly that certificate (same thumbprint) */
    public boolean matches(X509Certificate certificate) {
        return thumbprint.equals(thumbprint(certificate));
    }

    @Override
    public byte[] issuer() {
        return issuer.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateReference that && Arrays.equals(issuer, that.issuer)
                && serial.equals(that.serial) && thumbprint.equals(that.thumbprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(issuer), serial, thumbprint);
    }

    @Override
    public String toString() {
        return "certificate serial " + serial.toString(16) + " (x5t#S256 " + thumbprint + ")";
    }
}
