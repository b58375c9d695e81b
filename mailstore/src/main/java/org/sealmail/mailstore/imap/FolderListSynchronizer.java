package org.sealmail.mailstore.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Mirrors the server's folder list (LIST "" "*", RFC 3501 §6.3.8) with special-use roles
 * (RFC 6154) into the {@link SyncStore}; folders gone from the server are removed locally.
 */
final class FolderListSynchronizer {

    private final SyncStore store;
    private final String accountId;

    FolderListSynchronizer(SyncStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    /**
     * @param imap a connected store
     * @return the server's folders, as now stored
     * @throws MessagingException if LIST fails
     */
    List<FolderInfo> sync(IMAPStore imap) throws MessagingException {
        List<FolderInfo> remote = new ArrayList<>();
        Folder root = imap.getDefaultFolder();
        boolean sawInbox = false;
        for (Folder folder : root.list("*")) {
            IMAPFolder f = (IMAPFolder) folder;
            String[] attributes = f.getAttributes();
            boolean selectable = (f.getType() & Folder.HOLDS_MESSAGES) != 0;
            FolderRole role = FolderRole.of(f.getFullName(), attributes);
            sawInbox |= role == FolderRole.INBOX;
            remote.add(new FolderInfo(role == FolderRole.INBOX ? "INBOX" : f.getFullName(), role, f.getSeparator(), selectable));
        }
        if (!sawInbox) {
            remote.add(0, new FolderInfo("INBOX", FolderRole.INBOX, root.getSeparator(), true));
        }
        Set<String> names = new HashSet<>();
        for (FolderInfo info : remote) {
            names.add(info.name());
            store.saveFolder(accountId, info);
        }
        for (FolderInfo known : store.folders(accountId)) {
            if (!names.contains(known.name())) {
                store.removeFolder(accountId, known.name());
            }
        }
        return remote;
    }
}
