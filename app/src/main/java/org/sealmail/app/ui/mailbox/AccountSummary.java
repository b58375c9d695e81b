package org.sealmail.app.ui.mailbox;

import java.util.List;
import java.util.Objects;

/**
 * An account and its folder tree.
 *
 * @param id the store's account id
 * @param displayName the name shown (e.g. "Work")
 * @param address the account's e-mail address
 * @param folders top-level folders in display order
 */
public record AccountSummary(long id, String displayName, String address, List<FolderSummary> folders) {

    /** Copies the folder list and rejects nulls. */
    public AccountSummary {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(address, "address");
        folders = List.copyOf(folders);
    }
}
