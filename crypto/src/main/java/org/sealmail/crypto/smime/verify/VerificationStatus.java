package org.sealmail.crypto.smime.verify;

/**
 * The outcome of verifying a signed message, ordered from best to worst: when several things
 * are wrong, the most severe one is reported (a bad signature outranks an untrusted
 * certificate, which outranks an unsuitable one, which outranks an address mismatch). Compare
 * with {@link #isWorseThan}. Stable names: the CLI maps each to a documented exit code.
 */
public enum VerificationStatus {
    /** The signature verifies, the certificate is trusted, suitable, and names the sender. */
    VALID,
    /** All checks pass except that the certificate does not name the From (or Sender) address (RFC 8550 §3). */
    ADDRESS_MISMATCH,
    /**
     * The certificate is expired or not yet valid (at verification or signing time), its key
     * usage or extended key usage forbids e-mail signing, or its key is too short.
     */
    CERTIFICATE_UNSUITABLE,
    /** The certificate does not chain to a trust anchor, or the signer's certificate is not available. */
    UNTRUSTED,
    /** An algorithm the verifier does not implement or refuses by policy (SHA-1, MD5, unknown OIDs). */
    UNSUPPORTED_ALGORITHM,
    /** The signature or message digest does not verify: the content or signed attributes were altered. */
    BAD_SIGNATURE,
    /** The message carries no S/MIME signature (it may be unsigned, encrypted or OpenPGP-signed). */
    NOT_SIGNED;

    /**
     * @param other another status
     * @return true if this status is more severe than the other
     */
    public boolean isWorseThan(VerificationStatus other) {
        return compareTo(other) > 0;
    }

    /**
     * @param a a status
     * @param b another status
     * @return the more severe of the two
     */
    public static VerificationStatus worst(VerificationStatus a, VerificationStatus b) {
        return a.isWorseThan(b) ? a : b;
    }
}
