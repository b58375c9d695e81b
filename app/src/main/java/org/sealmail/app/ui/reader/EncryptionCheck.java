package org.sealmail.app.ui.reader;

import java.util.Objects;

/**
 * The decryption result of an S/MIME encrypted message.
 *
 * @param algorithm the content-encryption algorithm, e.g. "AES-256-GCM" or "AES-128-CBC"
 * @param authenticated whether it is authenticated encryption (AuthEnvelopedData, RFC 5083)
 * @param outcome whether decryption succeeded
 */
public record EncryptionCheck(String algorithm, boolean authenticated, Outcome outcome) {

    /** The result of decrypting. */
    public enum Outcome {
        /** Decrypted. */
        DECRYPTED,
        /** No RecipientInfo matches any of our keys. */
        NO_MATCHING_KEY,
        /** The integrity check failed (GCM tag or key unwrap): tampered or wrong key. */
        AUTHENTICATION_FAILED,
        /** The algorithm is not supported. */
        UNSUPPORTED_ALGORITHM,
        /** The CMS structure cannot be parsed. */
        MALFORMED
    }

    /** Rejects nulls. */
    public EncryptionCheck {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(outcome, "outcome");
    }
}
