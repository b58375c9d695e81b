package org.sealmail.app.ui.mailbox;

import java.util.Objects;

/**
 * What the message list shows: one folder, in an order, one row per message or per conversation.
 *
 * @param folderId the folder
 * @param sort the order
 * @param conversations true for one row per conversation (its newest message)
 */
public record MessageQuery(long folderId, MessageSort sort, boolean conversations) {

    /** Rejects a null sort. */
    public MessageQuery {
        Objects.requireNonNull(sort, "sort");
    }
}
