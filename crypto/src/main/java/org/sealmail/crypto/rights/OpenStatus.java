package org.sealmail.crypto.rights;

/** What happened when a protected message was opened; the UI shows a banner per status. */
public enum OpenStatus {
    /** Opened: the content is available under the granted rights. */
    OPENED,
    /** The message (or its license) has expired: no content. */
    EXPIRED,
    /** The message is not licensed to this user or device key: no content. */
    NOT_A_RECIPIENT,
    /** Something was altered or substituted after the sender protected it: no content. */
    TAMPERED,
    /** Not a well-formed protected message (truncated, not CMS, parts missing): no content. */
    MALFORMED,
    /** The sender revoked the message at the rights server: no new license is issued, no content. */
    REVOKED,
    /**
     * No license could be obtained now (the rights server or key service is unreachable or refused the
     * sign-in): no content; trying again later may open it.
     */
    UNAVAILABLE
}
