package org.sealmail.mailstore.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.server.MailExceptionTranslator;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MailSync} over IMAP4rev1 (RFC 3501) with Jakarta Mail, through a small connection pool. */
public final class ImapMailSync implements MailSync {

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailSync.class);

    private final ImapConnectionPool pool;
    private final SyncStore store;
    private final String accountId;
    private final ImapFolderSynchronizer folderSync;
    private final FolderListSynchronizer listSync;
    private final MessageSummaryReader reader;
    private volatile ImapCapabilities capabilities;

    /**
     * @param pool connections to the account's server
     * @param store the local store
     */
    public ImapMailSync(ImapConnectionPool pool, SyncStore store) {
        this.pool = pool;
        this.store = store;
        this.accountId = pool.connector().account().id();
        this.reader = new MessageSummaryReader(pool.connector().session());
        this.folderSync = new ImapFolderSynchronizer(store, accountId, pool.connector().account().bodyPolicy(), reader);
        this.listSync = new FolderListSynchronizer(store, accountId);
    }

    private interface Work<T> {
        T run(IMAPStore imap) throws MessagingException;
    }

    private <T> T withConnection(String action, Work<T> work) {
        ImapConnectionPool.Lease lease = pool.lease();
        try {
            if (capabilities == null) {
                capabilities = pool.connector().capabilities(lease.store());
            }
            return work.run(lease.store());
        } catch (MessagingException | RuntimeException e) {
            MailServerException failure = MailExceptionTranslator.translate(action, pool.connector().account().imap(), e);
            if (failure.failure() == MailServerFailure.CONNECTION || failure.failure() == MailServerFailure.PROTOCOL) {
                lease.invalidate();
            }
            throw failure;
        } finally {
            lease.close();
        }
    }

    @Override
    public ImapCapabilities capabilities() {
        if (capabilities == null) {
            withConnection("IMAP CAPABILITY", imap -> null);
        }
        return capabilities;
    }

    @Override
    public List<FolderInfo> syncFolderList() {
        return withConnection("folder list", listSync::sync);
    }

    @Override
    public FolderSyncResult syncFolder(String folderName) {
        if (store.folders(accountId).stream().noneMatch(f -> f.name().equals(folderName))
                && syncFolderList().stream().noneMatch(f -> f.name().equals(folderName) && f.selectable())) {
            throw new MailServerException(MailServerFailure.FOLDER_NOT_FOUND,
                    "the server lists no folder " + folderName + " that holds messages", null);
        }
        FolderSyncResult result = withConnection("sync of " + folderName,
                imap -> folderSync.sync(imap, capabilities, folderName));
        LOG.info("synced {}: {}", folderName, result);
        return result;
    }

    @Override
    public List<FolderSyncResult> syncAll() {
        List<FolderSyncResult> results = new ArrayList<>();
        for (FolderInfo folder : syncFolderList()) {
            if (folder.selectable()) {
                results.add(syncFolder(folder.name()));
            }
        }
        return results;
    }

    @Override
    public byte[] body(String folderName, long uid) {
        Optional<byte[]> stored = store.body(accountId, folderName, uid);
        if (stored.isPresent()) {
            return stored.get();
        }
        long uidValidity = knownUidValidity(folderName);
        return withConnection("fetch of UID " + uid + " in " + folderName, imap -> {
            IMAPFolder folder = open(imap, folderName, Folder.READ_ONLY, uidValidity);
            try {
                Message message = folder.getMessageByUID(uid);
                if (message == null) {
                    throw new MailServerException(MailServerFailure.PROTOCOL,
                            "UID " + uid + " is no longer in " + folderName + " on the server", null);
                }
                byte[] raw = MessageSummaryReader.fetchWhole(message);
                store.saveBody(accountId, folderName, uid, raw);
                return raw;
            } finally {
                close(folder);
            }
        });
    }

    @Override
    public void updateFlags(String folderName, long uidValidity, Collection<Long> uids, Flags flags, boolean set) {
        withConnection("flag change in " + folderName, imap -> {
            IMAPFolder folder = open(imap, folderName, Folder.READ_WRITE, uidValidity);
            try {
                Message[] messages = present(folder.getMessagesByUID(toArray(uids)));
                folder.setFlags(messages, flags, set);
                Map<Long, MessageFlags> updates = new HashMap<>();
                for (Message m : messages) {
                    updates.put(folder.getUID(m), MessageFlags.of(m.getFlags()));
                }
                store.updateFlags(accountId, folderName, updates);
                return null;
            } finally {
                close(folder);
            }
        });
    }

    @Override
    public void move(String folderName, long uidValidity, Collection<Long> uids, String targetFolder) {
        withConnection("move from " + folderName + " to " + targetFolder, imap -> {
            IMAPFolder folder = open(imap, folderName, Folder.READ_WRITE, uidValidity);
            try {
                Message[] messages = present(folder.getMessagesByUID(toArray(uids)));
                long[] movedUids = new long[messages.length];
                for (int i = 0; i < messages.length; i++) {
                    movedUids[i] = folder.getUID(messages[i]);
                }
                Folder target = imap.getFolder(targetFolder);
                AppendUID[] newUids;
                if (capabilities.move()) {
                    newUids = folder.moveUIDMessages(messages, target);
                } else {
                    newUids = folder.copyUIDMessages(messages, target);
                    folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                    if (capabilities.uidplus()) {
                        folder.expunge(messages);   // UID EXPUNGE: only these messages
                    } else {
                        folder.expunge();           // plain EXPUNGE also removes other \Deleted messages (RFC 3501 §6.4.3)
                    }
                }
                moveLocally(folderName, movedUids, targetFolder, newUids);
                return null;
            } finally {
                close(folder);
            }
        });
    }

    /**
     * Mirrors a move in the store. A moved row is put into the target folder under its new UID
     * (COPYUID, RFC 4315) only when that UID directly follows the target's highest stored UID:
     * then no unsynchronised message lies below it, and "highest stored UID" stays a correct
     * resume point for the target's next sync. Otherwise that sync fetches it.
     */
    private void moveLocally(String source, long[] uids, String target, AppendUID[] newUids) {
        Optional<FolderSyncState> targetState = store.syncState(accountId, target);
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < uids.length; i++) {
            gone.add(uids[i]);
            AppendUID copy = newUids != null && i < newUids.length ? newUids[i] : null;
            if (copy != null && targetState.isPresent() && targetState.get().uidValidity() == copy.uidvalidity
                    && copy.uid == store.highestUid(accountId, target) + 1) {
                long uid = uids[i];
                Optional<MessageSummary> summary = store.message(accountId, source, uid);
                if (summary.isPresent()) {
                    store.saveMessages(accountId, target, List.of(summary.get().withUid(copy.uid)));
                    store.body(accountId, source, uid).ifPresent(body -> store.saveBody(accountId, target, copy.uid, body));
                }
            }
        }
        store.removeMessages(accountId, source, gone);
    }

    @Override
    public void expunge(String folderName, long uidValidity, Collection<Long> uids) {
        withConnection("delete in " + folderName, imap -> {
            IMAPFolder folder = open(imap, folderName, Folder.READ_WRITE, uidValidity);
            try {
                Message[] messages = present(folder.getMessagesByUID(toArray(uids)));
                List<Long> gone = new ArrayList<>();
                for (Message m : messages) {
                    gone.add(folder.getUID(m));
                }
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                if (capabilities.uidplus()) {
                    folder.expunge(messages);
                } else {
                    folder.expunge();
                }
                store.removeMessages(accountId, folderName, gone);
                return null;
            } finally {
                close(folder);
            }
        });
    }

    @Override
    public Optional<Long> append(String folderName, byte[] rfc822, Flags flags) {
        return withConnection("append to " + folderName, imap -> {
            IMAPFolder folder = (IMAPFolder) imap.getFolder(folderName);
            MimeMessage message = new MimeMessage(pool.connector().session(), new ByteArrayInputStream(rfc822));
            message.setFlags(flags, true);
            AppendUID[] result = folder.appendUIDMessages(new Message[] {message});
            AppendUID appended = result != null && result.length == 1 ? result[0] : null;
            if (appended == null) {
                return Optional.<Long>empty();
            }
            Optional<FolderSyncState> state = store.syncState(accountId, folderName);
            if (state.isPresent() && state.get().uidValidity() == appended.uidvalidity
                    && appended.uid == store.highestUid(accountId, folderName) + 1) {
                MessageSummaryReader.Read local = reader.readLocal(message, appended.uid, MessageFlags.of(flags), rfc822);
                store.saveMessages(accountId, folderName, List.of(local.summary()));
                store.saveBody(accountId, folderName, appended.uid, rfc822);
            }
            return Optional.of(appended.uid);
        });
    }

    @Override
    public Optional<String> folderWithRole(FolderRole role) {
        for (FolderInfo folder : store.folders(accountId)) {
            if (folder.role() == role) {
                return Optional.of(folder.name());
            }
        }
        return syncFolderList().stream().filter(f -> f.role() == role).map(FolderInfo::name).findFirst();
    }

    @Override
    public boolean containsMessageId(String folderName, String messageId) {
        return withConnection("search in " + folderName, imap -> {
            Folder folder = imap.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new MessageIDTerm(messageId)).length > 0;
            } finally {
                close(folder);
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    private long knownUidValidity(String folderName) {
        return store.syncState(accountId, folderName).map(FolderSyncState::uidValidity)
                .orElseThrow(() -> new MailServerException(MailServerFailure.PROTOCOL,
                        folderName + " has not been synchronised yet", null));
    }

    /** Opens the folder and refuses (resetting the local cache) when its UIDVALIDITY is not the expected one. */
    private IMAPFolder open(IMAPStore imap, String folderName, int mode, long expectedUidValidity) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) imap.getFolder(folderName);
        folder.open(mode);
        long actual = folder.getUIDValidity();
        if (actual != expectedUidValidity) {
            close(folder);
            Optional<FolderSyncState> state = store.syncState(accountId, folderName);
            if (state.isPresent() && state.get().uidValidity() != actual) {
                store.resetFolder(accountId, folderName, actual);
            }
            throw new MailServerException(MailServerFailure.UIDVALIDITY_CHANGED, folderName
                    + ": UIDVALIDITY is now " + actual + ", not " + expectedUidValidity
                    + "; nothing was changed, the folder will be synchronised again", null);
        }
        return folder;
    }

    private static void close(Folder folder) {
        if (folder.isOpen()) {
            try {
                folder.close(false);
            } catch (MessagingException e) {
                LOG.debug("closing {} failed", folder.getFullName(), e);
            }
        }
    }

    private static long[] toArray(Collection<Long> uids) {
        return uids.stream().mapToLong(Long::longValue).toArray();
    }

    private static Message[] present(Message[] messages) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m != null && !m.isExpunged()) {
                out.add(m);
            }
        }
        return out.toArray(new Message[0]);
    }
}
