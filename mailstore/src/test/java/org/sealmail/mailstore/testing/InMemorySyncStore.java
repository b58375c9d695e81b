package org.sealmail.mailstore.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sealmail.mailstore.imap.FolderInfo;
import org.sealmail.mailstore.imap.FolderSyncState;
import org.sealmail.mailstore.imap.MessageFlags;
import org.sealmail.mailstore.imap.MessageSummary;
import org.sealmail.mailstore.imap.SyncStore;

/** The in-memory twin of the SQLite {@link SyncStore}, for tests. Thread-safe (one lock). */
public final class InMemorySyncStore implements SyncStore {

    private final Map<String, Map<String, FolderInfo>> folders = new HashMap<>();
    private final Map<String, FolderSyncState> states = new HashMap<>();
    private final Map<String, TreeMap<Long, MessageSummary>> messages = new HashMap<>();
    private final Map<String, Map<Long, byte[]>> bodies = new HashMap<>();
    private int resets;

    private static String key(String account, String folder) {
        return account + "\u0000" + folder;
    }

    private TreeMap<Long, MessageSummary> rows(String account, String folder) {
        return messages.computeIfAbsent(key(account, folder), k -> new TreeMap<>());
    }

    private Map<Long, byte[]> bodyMap(String account, String folder) {
        return bodies.computeIfAbsent(key(account, folder), k -> new HashMap<>());
    }

    @Override
    public synchronized List<FolderInfo> folders(String accountId) {
        return new ArrayList<>(folders.getOrDefault(accountId, Map.of()).values());
    }

    @Override
    public synchronized void saveFolder(String accountId, FolderInfo folder) {
        folders.computeIfAbsent(accountId, k -> new LinkedHashMap<>()).put(folder.name(), folder);
    }

    @Override
    public synchronized void removeFolder(String accountId, String folderName) {
        folders.getOrDefault(accountId, new HashMap<>()).remove(folderName);
        states.remove(key(accountId, folderName));
        messages.remove(key(accountId, folderName));
        bodies.remove(key(accountId, folderName));
    }

    @Override
    public synchronized Optional<FolderSyncState> syncState(String accountId, String folderName) {
        return Optional.ofNullable(states.get(key(accountId, folderName)));
    }

    @Override
    public synchronized void saveSyncState(String accountId, String folderName, FolderSyncState state) {
        states.put(key(accountId, folderName), state);
    }

    @Override
    public synchronized void resetFolder(String accountId, String folderName, long newUidValidity) {
        messages.remove(key(accountId, folderName));
        bodies.remove(key(accountId, folderName));
        states.put(key(accountId, folderName), new FolderSyncState(newUidValidity, 0));
        resets++;
    }

    /** @return how many times a folder was reset */
    public synchronized int resets() {
        return resets;
    }

    @Override
    public synchronized Map<Long, MessageFlags> flagsByUid(String accountId, String folderName) {
        Map<Long, MessageFlags> out = new HashMap<>();
        rows(accountId, folderName).forEach((uid, m) -> out.put(uid, m.flags()));
        return out;
    }

    @Override
    public synchronized long highestUid(String accountId, String folderName) {
        TreeMap<Long, MessageSummary> rows = rows(accountId, folderName);
        return rows.isEmpty() ? 0 : rows.lastKey();
    }

    @Override
    public synchronized void saveMessages(String accountId, String folderName, List<MessageSummary> list) {
        TreeMap<Long, MessageSummary> rows = rows(accountId, folderName);
        list.forEach(m -> rows.put(m.uid(), m));
    }

    @Override
    public synchronized void updateFlags(String accountId, String folderName, Map<Long, MessageFlags> flags) {
        TreeMap<Long, MessageSummary> rows = rows(accountId, folderName);
        flags.forEach((uid, f) -> rows.computeIfPresent(uid, (k, m) -> m.withFlags(f)));
    }

    @Override
    public synchronized void removeMessages(String accountId, String folderName, Collection<Long> uids) {
        uids.forEach(uid -> {
            rows(accountId, folderName).remove(uid);
            bodyMap(accountId, folderName).remove(uid);
        });
    }

    @Override
    public synchronized void saveBody(String accountId, String folderName, long uid, byte[] rfc822) {
        if (rows(accountId, folderName).containsKey(uid)) {
            bodyMap(accountId, folderName).put(uid, rfc822.clone());
        }
    }

    @Override
    public synchronized boolean hasBody(String accountId, String folderName, long uid) {
        return bodyMap(accountId, folderName).containsKey(uid);
    }

    @Override
    public synchronized Optional<byte[]> body(String accountId, String folderName, long uid) {
        return Optional.ofNullable(bodyMap(accountId, folderName).get(uid)).map(byte[]::clone);
    }

    @Override
    public synchronized Optional<MessageSummary> message(String accountId, String folderName, long uid) {
        return Optional.ofNullable(rows(accountId, folderName).get(uid));
    }

    /** @return every stored message of a folder, by UID */
    public synchronized List<MessageSummary> messages(String accountId, String folderName) {
        return new ArrayList<>(rows(accountId, folderName).values());
    }
}
