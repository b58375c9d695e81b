package org.sealmail.mailstore.messages;

import org.sealmail.crypto.rights.message.ProtectedMessageFormat;

/**
 * What protection a message carries, as seen from its raw form. The store never holds the
 * plaintext of a protected message: for {@link #SMIME_ENCRYPTED} and {@link #SEALMAIL_PROTECTED}
 * only subject and addresses are indexed, and the raw message is kept as received (encrypted).
 */
public enum MessageProtection {
    /** Plain mail. */
    NONE,
    /** S/MIME signed only (multipart/signed or opaque signed-data; RFC 8551 §3.5); not confidential. */
    SMIME_SIGNED,
    /** S/MIME EnvelopedData or AuthEnvelopedData somewhere in the message (RFC 8551 §3.3). */
    SMIME_ENCRYPTED,
    /** A Sealmail protected message (Encrypt, Do Not Forward, custom template): a part of media type {@link #SEALMAIL_PROTECTED_MEDIA_TYPE}. */
    SEALMAIL_PROTECTED,
    /** The structure could not be read far enough to tell; treated as protected. */
    UNKNOWN;

    /**
     * The media type of the protected blob in a Sealmail protected message (DESIGN.md,
     * "Protected message format"): the rights code's {@link ProtectedMessageFormat#MEDIA_TYPE}
     * ({@code application/vnd.sealmail.protected+der}), so that the store sees exactly what
     * {@code ProtectedMessageBuilder} writes.
     */
    public static final String SEALMAIL_PROTECTED_MEDIA_TYPE = ProtectedMessageFormat.MEDIA_TYPE;

    /** @return true if the body text may be indexed (only for mail that is not encrypted) */
    public boolean allowsBodyIndexing() {
        return this == NONE || this == SMIME_SIGNED;
    }
}
