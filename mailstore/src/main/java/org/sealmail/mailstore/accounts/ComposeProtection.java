package org.sealmail.mailstore.accounts;

/**
 * A protection chosen in compose (DESIGN.md, the compose buttons): an account's default, and the
 * protection a draft will be sent with.
 */
public enum ComposeProtection {
    /** No protection. */
    NONE,
    /** S/MIME signed (RFC 8551). */
    SMIME_SIGN,
    /** S/MIME signed and encrypted (RFC 8551). */
    SMIME_SIGN_AND_ENCRYPT,
    /** Encrypt (encrypt-only rights template). */
    ENCRYPT,
    /** Do Not Forward (VIEW, REPLY, REPLYALL). */
    DO_NOT_FORWARD;

    /** @return true if the message will be encrypted, so its plaintext must never lie on disk in clear */
    public boolean isConfidential() {
        return this == SMIME_SIGN_AND_ENCRYPT || this == ENCRYPT || this == DO_NOT_FORWARD;
    }
}
