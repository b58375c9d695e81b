package org.sealmail.mailstore.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.sealmail.mailstore.imap.FolderSyncResult.SyncStrategy;
import org.sealmail.mailstore.server.BodyPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronises one folder from the server into the {@link SyncStore}:
 * <ol>
 * <li>UIDVALIDITY check (RFC 3501 §2.3.1.1): if it changed, the folder's cached rows, bodies and
 *     index entries are dropped first, so a stale UID can never point at another message;</li>
 * <li>changes to known messages: QRESYNC (RFC 7162 §3.2.5) where available, else CONDSTORE
 *     CHANGEDSINCE plus a UID list, else a UID/FLAGS diff;</li>
 * <li>new messages (UID above the highest stored) in ascending batches: ENVELOPE, FLAGS,
 *     RFC822.SIZE, BODYSTRUCTURE, with a whole-message local parse when BODYSTRUCTURE fails;</li>
 * <li>bodies the account's {@link BodyPolicy} asks for;</li>
 * <li>the new HIGHESTMODSEQ, saved last.</li>
 * </ol>
 * Every step is idempotent, so a sync cut off anywhere (server restart, dropped connection)
 * resumes on the next run without losing or duplicating messages.
 */
public final class ImapFolderSynchronizer {

    private static final Logger LOG = LoggerFactory.getLogger(ImapFolderSynchronizer.class);

    /** Messages per FETCH of new envelopes. */
    static final int BATCH = 500;

    private final SyncStore store;
    private final String accountId;
    private final BodyPolicy bodyPolicy;
    private final MessageSummaryReader reader;

    /**
     * @param store where the folder's rows go
     * @param accountId the account
     * @param bodyPolicy which bodies to download during sync
     * @param reader converts fetched messages
     */
    ImapFolderSynchronizer(SyncStore store, String accountId, BodyPolicy bodyPolicy, MessageSummaryReader reader) {
        this.store = store;
        this.accountId = accountId;
        this.bodyPolicy = bodyPolicy;
        this.reader = reader;
    }

    /**
     * @param imap a connected store
     * @param capabilities what the server can do
     * @param folderName the folder's full name
     * @return what changed
     * @throws MessagingException on failure (the store is consistent; run again to resume)
     */
    FolderSyncResult sync(IMAPStore imap, ImapCapabilities capabilities, String folderName) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) imap.getFolder(folderName);
        Optional<FolderSyncState> local = store.syncState(accountId, folderName);
        SyncStrategy strategy;
        List<MailEvent> events = List.of();
        if (capabilities.qresync() && local.isPresent() && local.get().highestModSeq() > 0) {
            List<MailEvent> reported = folder.open(Folder.READ_ONLY,
                    new ResyncData(local.get().uidValidity(), local.get().highestModSeq()));
            events = reported != null ? reported : List.of();   // null when the server reported no changes
            strategy = SyncStrategy.QRESYNC;
        } else if (capabilities.modSeq()) {
            folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
            strategy = SyncStrategy.CONDSTORE;
        } else {
            folder.open(Folder.READ_ONLY);
            strategy = SyncStrategy.UID_FLAGS_DIFF;
        }
        try {
            return syncOpen(folder, folderName, local, strategy, events, capabilities);
        } finally {
            if (folder.isOpen()) {
                try {
                    folder.close(false);
                } catch (MessagingException e) {
                    LOG.debug("closing {} failed", folderName, e);
                }
            }
        }
    }

    private FolderSyncResult syncOpen(IMAPFolder folder, String name, Optional<FolderSyncState> local,
            SyncStrategy strategy, List<MailEvent> events, ImapCapabilities capabilities) throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        long serverModSeq = capabilities.modSeq() ? Math.max(0, folder.getHighestModSeq()) : 0;
        boolean reset = false;
        boolean haveRows = local.isPresent();
        if (local.isPresent() && local.get().uidValidity() != uidValidity) {
            LOG.warn("{}: UIDVALIDITY changed {} -> {}; dropping the folder's cache and resyncing",
                    name, local.get().uidValidity(), uidValidity);
            store.resetFolder(accountId, name, uidValidity);
            reset = true;
            haveRows = false;
        } else if (local.isEmpty()) {
            store.saveSyncState(accountId, name, new FolderSyncState(uidValidity, 0));
        }
        if (!haveRows || store.highestUid(accountId, name) == 0 && store.flagsByUid(accountId, name).isEmpty()) {
            strategy = SyncStrategy.INITIAL;
        }
        int flagsUpdated = 0;
        int removed = 0;
        switch (strategy) {
            case QRESYNC -> {
                int[] counts = applyResyncEvents(folder, name, events);
                flagsUpdated = counts[0];
                removed = counts[1];
            }
            case CONDSTORE -> {
                long since = local.map(FolderSyncState::highestModSeq).orElse(0L);
                Map<Long, MessageFlags> serverUids = since > 0 ? uidsOnly(folder) : uidsAndFlags(folder);
                Map<Long, MessageFlags> changed = new HashMap<>();
                if (since > 0) {
                    for (Message m : folder.getMessagesByUIDChangedSince(1, UIDFolder.MAXUID, since)) {
                        changed.put(folder.getUID(m), MessageFlags.of(m.getFlags()));
                    }
                } else {
                    changed.putAll(serverUids);
                }
                int[] counts = applyDiff(name, serverUids.keySet(), changed);
                flagsUpdated = counts[0];
                removed = counts[1];
            }
            case UID_FLAGS_DIFF -> {
                Map<Long, MessageFlags> server = uidsAndFlags(folder);
                int[] counts = applyDiff(name, server.keySet(), server);
                flagsUpdated = counts[0];
                removed = counts[1];
            }
            case INITIAL -> {
                // nothing stored yet
            }
        }
        int[] fetched = fetchNew(folder, name);
        store.saveSyncState(accountId, name, new FolderSyncState(uidValidity, serverModSeq));
        return new FolderSyncResult(name, strategy, fetched[0], flagsUpdated, removed, fetched[1], reset);
    }

    private int[] applyResyncEvents(IMAPFolder folder, String name, List<MailEvent> events) throws MessagingException {
        Set<Long> vanished = new HashSet<>();
        Map<Long, MessageFlags> changed = new HashMap<>();
        for (MailEvent event : events) {
            if (event instanceof MessageVanishedEvent gone) {
                for (long uid : gone.getUIDs()) {
                    vanished.add(uid);
                }
            } else if (event instanceof MessageChangedEvent change) {
                Message m = change.getMessage();
                changed.put(folder.getUID(m), MessageFlags.of(m.getFlags()));
            }
        }
        Map<Long, MessageFlags> known = store.flagsByUid(accountId, name);
        Map<Long, MessageFlags> updates = new HashMap<>();
        changed.forEach((uid, flags) -> {
            if (known.containsKey(uid) && !known.get(uid).equals(flags)) {
                updates.put(uid, flags);
            }
        });
        vanished.retainAll(known.keySet());
        store.updateFlags(accountId, name, updates);
        store.removeMessages(accountId, name, vanished);
        return new int[] {updates.size(), vanished.size()};
    }

    /** Applies server flags and removes local UIDs the server no longer has. */
    private int[] applyDiff(String name, Set<Long> serverUids, Map<Long, MessageFlags> serverFlags) {
        Map<Long, MessageFlags> known = store.flagsByUid(accountId, name);
        List<Long> gone = new ArrayList<>();
        Map<Long, MessageFlags> updates = new HashMap<>();
        for (Map.Entry<Long, MessageFlags> entry : known.entrySet()) {
            long uid = entry.getKey();
            if (!serverUids.contains(uid)) {
                gone.add(uid);
            } else {
                MessageFlags flags = serverFlags.get(uid);
                if (flags != null && !flags.equals(entry.getValue())) {
                    updates.put(uid, flags);
                }
            }
        }
        store.updateFlags(accountId, name, updates);
        store.removeMessages(accountId, name, gone);
        return new int[] {updates.size(), gone.size()};
    }

    private static Map<Long, MessageFlags> uidsAndFlags(IMAPFolder folder) throws MessagingException {
        Message[] all = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        folder.fetch(all, profile);
        Map<Long, MessageFlags> out = new HashMap<>(all.length * 2);
        for (Message m : all) {
            if (!m.isExpunged()) {
                out.put(folder.getUID(m), MessageFlags.of(m.getFlags()));
            }
        }
        return out;
    }

    private static Map<Long, MessageFlags> uidsOnly(IMAPFolder folder) throws MessagingException {
        Message[] all = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(all, profile);
        Map<Long, MessageFlags> out = new HashMap<>(all.length * 2);
        for (Message m : all) {
            if (!m.isExpunged()) {
                out.put(folder.getUID(m), null);
            }
        }
        return out;
    }

    private int[] fetchNew(IMAPFolder folder, String name) throws MessagingException {
        long from = store.highestUid(accountId, name) + 1;
        Message[] candidates = folder.getMessagesByUID(from, UIDFolder.MAXUID);
        // "n:*" also returns the last message when its UID is below n (RFC 3501 §6.4.8): filter
        List<Message> fresh = new ArrayList<>();
        for (Message m : candidates) {
            if (m != null && !m.isExpunged() && folder.getUID(m) >= from) {
                fresh.add(m);
            }
        }
        // message sequence order is ascending UID order (RFC 3501 §2.3.1.2): saving batch by batch keeps
        // "highest stored UID" a correct resume point
        int added = 0;
        int bodies = 0;
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("References");    // for threading; ENVELOPE lacks it
        profile.add("In-Reply-To");
        for (int start = 0; start < fresh.size(); start += BATCH) {
            Message[] batch = fresh.subList(start, Math.min(fresh.size(), start + BATCH)).toArray(new Message[0]);
            folder.fetch(batch, profile);
            List<MessageSummary> summaries = new ArrayList<>(batch.length);
            Map<Long, byte[]> fallbackBodies = new HashMap<>();
            for (Message m : batch) {
                long uid = folder.getUID(m);
                try {
                    MessageSummaryReader.Read read = reader.read((IMAPMessage) m, uid);
                    summaries.add(read.summary());
                    if (read.rfc822() != null) {
                        fallbackBodies.put(uid, read.rfc822());
                    }
                } catch (MessageRemovedException e) {
                    LOG.debug("{}: UID {} expunged during sync", name, uid);
                }
            }
            store.saveMessages(accountId, name, summaries);
            added += summaries.size();
            for (Map.Entry<Long, byte[]> body : fallbackBodies.entrySet()) {
                store.saveBody(accountId, name, body.getKey(), body.getValue());
                bodies++;
            }
            for (Message m : batch) {
                long uid = folder.getUID(m);
                if (!fallbackBodies.containsKey(uid) && !m.isExpunged() && bodyPolicy.fetchesDuringSync(m.getSize())) {
                    try {
                        store.saveBody(accountId, name, uid, MessageSummaryReader.fetchWhole(m));
                        bodies++;
                    } catch (FolderClosedException | StoreClosedException e) {
                        throw e;
                    } catch (MessagingException e) {
                        LOG.warn("{}: body of UID {} not fetched now ({}); it will be fetched when opened", name, uid,
                                e.getMessage());
                    }
                }
            }
        }
        return new int[] {added, bodies};
    }
}
