package org.sealmail.mailstore.folders;

import java.util.Locale;
import java.util.Optional;

/** The role of a folder: INBOX (RFC 3501 §5.1) or a special-use attribute (RFC 6154 §2). */
public enum SpecialUse {
    /** The INBOX. */
    INBOX,
    /** \All: every message. */
    ALL,
    /** \Archive. */
    ARCHIVE,
    /** \Drafts. */
    DRAFTS,
    /** \Flagged: flagged messages. */
    FLAGGED,
    /** \Junk. */
    JUNK,
    /** \Sent. */
    SENT,
    /** \Trash. */
    TRASH;

    /**
     * @param attribute a LIST attribute such as {@code \Sent} (case-insensitive)
     * @return its role, if it is a special-use attribute
     */
    public static Optional<SpecialUse> fromAttribute(String attribute) {
        String name = attribute.startsWith("\\") ? attribute.substring(1) : attribute;
        for (SpecialUse use : values()) {
            if (use != INBOX && use.name().equalsIgnoreCase(name)) {
                return Optional.of(use);
            }
        }
        return Optional.empty();
    }

    /** @return the RFC 6154 attribute, e.g. {@code \Sent} (INBOX has none and returns "INBOX") */
    public String attribute() {
        if (this == INBOX) {
            return "INBOX";
        }
        return "\\" + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
