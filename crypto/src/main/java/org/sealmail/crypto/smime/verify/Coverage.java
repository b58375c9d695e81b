package org.sealmail.crypto.smime.verify;

/** How much of the displayed message a signature covers (DESIGN.md "Security rules"). */
public enum Coverage {
    /** The signed entity is the whole message body. */
    WHOLE,
    /**
     * The signed entity sits inside an unsigned multipart next to other non-empty parts (for
     * example a mailing-list footer added in a multipart/mixed): only part of what is shown is
     * signed.
     */
    PARTIAL
}
