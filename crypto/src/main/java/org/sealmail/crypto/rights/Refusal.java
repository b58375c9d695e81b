package org.sealmail.crypto.rights;

/**
 * The specific reason a protected message or a license was refused. Stable identifiers
 * (logged and mapped to messages): never rename a constant.
 */
public enum Refusal {
    /** The blob or a license is truncated, not CMS/JOSE, or lacks a required part. */
    MALFORMED(OpenStatus.MALFORMED),
    /** None of the RecipientInfos is for this key, or the publishing license grants it nothing. */
    NOT_A_RECIPIENT(OpenStatus.NOT_A_RECIPIENT),
    /** The publishing license's notAfter has passed. */
    MESSAGE_EXPIRED(OpenStatus.EXPIRED),
    /** The use license's notAfter has passed. */
    LICENSE_EXPIRED(OpenStatus.EXPIRED),
    /** The AES-GCM tag of the AuthEnvelopedData does not verify (ciphertext or authenticated attributes altered). */
    CIPHERTEXT_ALTERED(OpenStatus.TAMPERED),
    /** The sender's signature (CMS SignedData or the publishing license JWS) does not verify: content or rights changed. */
    SIGNATURE_INVALID(OpenStatus.TAMPERED),
    /** A license is signed by someone other than the issuer it names. */
    ISSUER_MISMATCH(OpenStatus.TAMPERED),
    /** The RecipientInfos differ from the recipients the signed publishing license names (one added or swapped). */
    RECIPIENTS_MISMATCH(OpenStatus.TAMPERED),
    /** The readable wrapper or the protection header differs from what the sender signed. */
    WRAPPER_ALTERED(OpenStatus.TAMPERED),
    /** The content id of the envelope differs from the one in the signed publishing license. */
    CONTENT_ID_MISMATCH(OpenStatus.TAMPERED),
    /** A use license issued for another message was presented. */
    LICENSE_FOR_OTHER_MESSAGE(OpenStatus.TAMPERED),
    /** A use license issued to another licensee or device key was presented. */
    LICENSE_FOR_OTHER_LICENSEE(OpenStatus.TAMPERED),
    /** A use license's own signature does not verify with the device key it names. */
    LICENSE_SIGNATURE_INVALID(OpenStatus.TAMPERED),
    /** The sender revoked the message at the rights server (its reason {@code REVOKED}). */
    REVOKED(OpenStatus.REVOKED),
    /**
     * The rights server or key service issued no license: unreachable, TLS not trusted, passcode not
     * confirmed, wrong or locked, session refused (the reason names the server's problem code).
     */
    LICENSE_NOT_ISSUED(OpenStatus.UNAVAILABLE),
    /**
     * A use license claims to come from a rights server but is not signed by one of the keys that server
     * lists (over TLS, or pinned), or names another server than its publishing license.
     */
    LICENSE_ISSUER_UNTRUSTED(OpenStatus.TAMPERED);

    private final OpenStatus status;

    Refusal(OpenStatus status) {
        this.status = status;
    }

    /** @return the status an open refused for this reason reports */
    public OpenStatus status() {
        return status;
    }
}
