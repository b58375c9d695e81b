package org.sealmail.mailstore.imap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the IMAP sync writes to and reads from the local store, per account and folder.
 * Implementations must make each call atomic; the sync orders its calls so that an interruption
 * at any point loses nothing and duplicates nothing (messages are keyed by folder + UID and
 * saved in ascending UID order; the sync state is saved last).
 */
public interface SyncStore {

    /** @return the folders known locally for the account */
    List<FolderInfo> folders(String accountId);

    /** Inserts or updates a folder (by name). */
    void saveFolder(String accountId, FolderInfo folder);

    /** Removes a folder that no longer exists on the server, with its messages, bodies and index entries. */
    void removeFolder(String accountId, String folderName);

    /** @return the folder's sync state, empty if never synchronised */
    Optional<FolderSyncState> syncState(String accountId, String folderName);

    /** Saves the folder's sync state. */
    void saveSyncState(String accountId, String folderName, FolderSyncState state);

    /**
     * The server changed the folder's UIDVALIDITY: drops every cached row, body and search-index
     * entry of the folder and records the new UIDVALIDITY with HIGHESTMODSEQ 0, in one transaction.
     */
    void resetFolder(String accountId, String folderName, long newUidValidity);

    /** @return the flags of every message stored for the folder, by UID */
    Map<Long, MessageFlags> flagsByUid(String accountId, String folderName);

    /** @return the highest UID stored for the folder, 0 if none */
    long highestUid(String accountId, String folderName);

    /** Inserts or replaces messages (by UID). */
    void saveMessages(String accountId, String folderName, List<MessageSummary> messages);

    /** Replaces the flags of stored messages; UIDs not stored are ignored. */
    void updateFlags(String accountId, String folderName, Map<Long, MessageFlags> flags);

    /** Removes messages (with their bodies and index entries); UIDs not stored are ignored. */
    void removeMessages(String accountId, String folderName, Collection<Long> uids);

    /** Stores the full RFC 5322 message for a stored UID. */
    void saveBody(String accountId, String folderName, long uid, byte[] rfc822);

    /** @return whether the full message is stored */
    boolean hasBody(String accountId, String folderName, long uid);

    /** @return the stored full message, if any */
    Optional<byte[]> body(String accountId, String folderName, long uid);

    /** @return the stored summary of a message */
    Optional<MessageSummary> message(String accountId, String folderName, long uid);
}
