package org.sealmail.app.ui.mailbox;

import java.util.List;
import java.util.Objects;

/**
 * A folder as the folder tree shows it.
 *
 * @param id the store's folder id
 * @param accountId the owning account's id
 * @param name the display name (last path segment, decoded from modified UTF-7)
 * @param role the special use
 * @param unread number of messages without the \Seen flag
 * @param total number of messages
 * @param children sub-folders, in display order
 */
public record FolderSummary(long id, long accountId, String name, FolderRole role, int unread, int total,
        List<FolderSummary> children) {

    /** Copies the children list and rejects nulls and negative counts. */
    public FolderSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        children = List.copyOf(children);
        if (unread < 0 || total < 0) {
            throw new IllegalArgumentException("negative message count in folder " + name);
        }
    }
}
