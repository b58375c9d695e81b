package org.sealmail.crypto.smime.verify;

/** Whether the signer's certificate names the message's sender (RFC 8550 §3). */
public enum AddressCheck {
    /** Every From address and the Sender address (if any) are named by the certificate. */
    MATCH,
    /** The certificate does not name the From or Sender address (or names no address at all). */
    MISMATCH,
    /** Not checked: a bare CMS structure without a message, or no certificate to check. */
    NOT_CHECKED
}
