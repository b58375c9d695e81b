package org.sealmail.mailstore.imap;

import jakarta.mail.Flags;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IMAP flags of a message (RFC 3501 §2.3.2): the system flags we keep plus keywords.
 * {@code \Recent} is session-only and not kept.
 *
 * @param seen {@code \Seen}
 * @param answered {@code \Answered}
 * @param flagged {@code \Flagged}
 * @param deleted {@code \Deleted}
 * @param draft {@code \Draft}
 * @param keywords user keywords such as {@code $Forwarded} or {@code $Junk}, sorted
 */
public record MessageFlags(boolean seen, boolean answered, boolean flagged, boolean deleted, boolean draft,
        Set<String> keywords) {

    /** No flags. */
    public static final MessageFlags NONE = new MessageFlags(false, false, false, false, false, Set.of());

    /** Copies the keywords into a sorted, unmodifiable set. */
    public MessageFlags {
        keywords = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(keywords));
    }

    /**
     * @param flags Jakarta Mail flags
     * @return the same flags as a value
     */
    public static MessageFlags of(Flags flags) {
        return new MessageFlags(flags.contains(Flags.Flag.SEEN), flags.contains(Flags.Flag.ANSWERED),
                flags.contains(Flags.Flag.FLAGGED), flags.contains(Flags.Flag.DELETED), flags.contains(Flags.Flag.DRAFT),
                Set.of(flags.getUserFlags()));
    }

    /** @return these flags as Jakarta Mail flags */
    public Flags toFlags() {
        Flags flags = new Flags();
        if (seen) {
            flags.add(Flags.Flag.SEEN);
        }
        if (answered) {
            flags.add(Flags.Flag.ANSWERED);
        }
        if (flagged) {
            flags.add(Flags.Flag.FLAGGED);
        }
        if (deleted) {
            flags.add(Flags.Flag.DELETED);
        }
        if (draft) {
            flags.add(Flags.Flag.DRAFT);
        }
        keywords.forEach(flags::add);
        return flags;
    }

    /** @return a copy with {@code \Seen} set as given */
    public MessageFlags withSeen(boolean on) {
        return new MessageFlags(on, answered, flagged, deleted, draft, keywords);
    }

    /** @return a copy with {@code \Flagged} set as given */
    public MessageFlags withFlagged(boolean on) {
        return new MessageFlags(seen, answered, on, deleted, draft, keywords);
    }
}
