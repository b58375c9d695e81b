package org.sealmail.app.ui.main;

import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;

/**
 * A node of the folder tree: an account or one of its folders.
 *
 * @param account the account (always set)
 * @param folder the folder, or null for the account node itself
 */
public record FolderNode(AccountSummary account, FolderSummary folder) {

    /** @return whether this node is an account */
    public boolean isAccount() {
        return folder == null;
    }
}
