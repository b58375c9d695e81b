package org.sealmail.app.ui.mailbox;

import java.util.Objects;

/**
 * The order of the message list.
 *
 * @param key the column sorted on
 * @param ascending true for ascending order
 */
public record MessageSort(Key key, boolean ascending) {

    /** The sortable columns. */
    public enum Key {
        /** Date header. */
        DATE,
        /** From display string. */
        FROM,
        /** Subject. */
        SUBJECT,
        /** RFC 822 size. */
        SIZE
    }

    /** Newest first: the default of desktop mail clients. */
    public static final MessageSort NEWEST_FIRST = new MessageSort(Key.DATE, false);

    /** Rejects a null key. */
    public MessageSort {
        Objects.requireNonNull(key, "key");
    }
}
