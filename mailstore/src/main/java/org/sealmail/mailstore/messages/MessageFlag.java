package org.sealmail.mailstore.messages;

import java.util.EnumSet;
import java.util.Set;

/** The IMAP system flags (RFC 3501 §2.3.2), stored as a bit mask; keywords are kept apart. */
public enum MessageFlag {
    /** \Seen. */
    SEEN,
    /** \Answered. */
    ANSWERED,
    /** \Flagged. */
    FLAGGED,
    /** \Deleted. */
    DELETED,
    /** \Draft. */
    DRAFT;

    /** @return the flags as a bit mask (bit n = ordinal n) */
    public static int toMask(Set<MessageFlag> flags) {
        int mask = 0;
        for (MessageFlag flag : flags) {
            mask |= 1 << flag.ordinal();
        }
        return mask;
    }

    /** @return the flags of a bit mask made by {@link #toMask} */
    public static Set<MessageFlag> fromMask(int mask) {
        Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        for (MessageFlag flag : values()) {
            if ((mask & (1 << flag.ordinal())) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
