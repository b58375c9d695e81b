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

    /** Servers without SPECIAL-USE: a role no folder has by attribute goes to the first folder named for it. */
    private static void assignRolesByName(List<FolderInfo> folders) {
        Set<FolderRole> present = new HashSet<>();
        folders.forEach(f -> present.add(f.role()));
        for (int i = 0; i < folders.size(); i++) {
            FolderInfo f = folders.get(i);
            if (f.role() != FolderRole.NONE || !f.selectable()) {
                continue;
            }
            String leaf = f.separator() != '\0' && f.name().lastIndexOf(f.separator()) >= 0
                    ? f.name().substring(f.name().lastIndexOf(f.separator()) + 1) : f.name();
            FolderRole guess = FolderRole.byCommonName(leaf);
            if (guess != FolderRole.NONE && present.add(guess)) {
                folders.set(i, new FolderInfo(f.name(), guess, f.separator(), true));
            }
        }
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
        assignRolesByName(remote);
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
