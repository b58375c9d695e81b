package org.sealmail.crypto.rights;

import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * One usage right, named as in the Microsoft Rights Management Services (RMS) vocabulary.
 * The constant names are the wire names written into licenses: never rename them.
 */
public enum UsageRight {
    /** Open and read the content. Every grant includes it. */
    VIEW,
    /** Change the content and save it back under the same protection. */
    EDIT,
    /** Copy content out (clipboard, drag-out, screen capture where the platform allows blocking it). */
    EXTRACT,
    /** Save as / export without protection, and remove protection. */
    EXPORT,
    /** Print. */
    PRINT,
    /** Forward the message. */
    FORWARD,
    /** Reply to the sender. */
    REPLY,
    /** Reply to all recipients. */
    REPLYALL,
    /** Every right, including changing the protection; the sender holds it implicitly. */
    OWNER,
    /** See the rights granted (the license details). */
    VIEWRIGHTSDATA;

    /**
     * Parses a right by its RMS name, ignoring case and surrounding blanks.
     *
     * @param name e.g. {@code "VIEW"} or {@code "replyall"}
     * @return the right
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} naming the unknown right and the known ones
     */
    public static UsageRight parse(String name) {
        String trimmed = name.trim().toUpperCase(Locale.ROOT);
        for (UsageRight right : values()) {
            if (right.name().equals(trimmed)) {
                return right;
            }
        }
        throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "unknown usage right '" + name.trim()
                + "' (expected one of " + UsageRights.of(values()) + ")");
    }
}
