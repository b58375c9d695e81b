package org.sealmail.mailstore.imap;

import jakarta.mail.Flags;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Moves mail between one account's server and the local {@link SyncStore}, both ways. Every
 * operation on existing messages names the UIDVALIDITY its UIDs belong to and is refused with
 * {@code UIDVALIDITY_CHANGED} when the server's differs, so a stale UID never touches another
 * message. Failures are {@link org.sealmail.mailstore.server.MailServerException}s.
 */
public interface MailSync extends AutoCloseable {

    /** @return what the server can do (decides the strategies) */
    ImapCapabilities capabilities();

    /** @return the server's folder list, now mirrored in the store */
    List<FolderInfo> syncFolderList();

    /**
     * @param folderName a folder's full name
     * @return what changed
     */
    FolderSyncResult syncFolder(String folderName);

    /** @return the results of the folder list and every selectable folder */
    List<FolderSyncResult> syncAll();

    /**
     * @param folderName the folder
     * @param uid the message
     * @return the full RFC 5322 message, from the store or fetched (BODY.PEEK[]) and stored
     */
    byte[] body(String folderName, long uid);

    /**
     * Sets or clears flags on the server (UID STORE), then in the store.
     *
     * @param folderName the folder
     * @param uidValidity the UIDVALIDITY the UIDs belong to
     * @param uids the messages
     * @param flags the flags to change
     * @param set true to add, false to remove
     */
    void updateFlags(String folderName, long uidValidity, Collection<Long> uids, Flags flags, boolean set);

    /**
     * Moves messages (MOVE, RFC 6851; or COPY + \Deleted + EXPUNGE) on the server, then in the store.
     *
     * @param folderName the source folder
     * @param uidValidity the UIDVALIDITY the UIDs belong to
     * @param uids the messages
     * @param targetFolder the destination folder
     */
    void move(String folderName, long uidValidity, Collection<Long> uids, String targetFolder);

    /**
     * Deletes messages for good: \Deleted then UID EXPUNGE (RFC 4315), or EXPUNGE without UIDPLUS.
     *
     * @param folderName the folder
     * @param uidValidity the UIDVALIDITY the UIDs belong to
     * @param uids the messages
     */
    void expunge(String folderName, long uidValidity, Collection<Long> uids);

    /**
     * Appends a message (APPEND, RFC 3501 §6.3.11) and stores it locally when APPENDUID tells its UID.
     *
     * @param folderName the folder
     * @param rfc822 the message
     * @param flags its flags
     * @return its UID when the server reports one (UIDPLUS)
     */
    Optional<Long> append(String folderName, byte[] rfc822, Flags flags);

    /**
     * @param role a special use
     * @return the full name of the folder with that role, from the server's LIST
     */
    Optional<String> folderWithRole(FolderRole role);

    /**
     * @param folderName the folder
     * @param messageId a Message-ID header value
     * @return whether a message with that Message-ID is in the folder on the server (SEARCH HEADER)
     */
    boolean containsMessageId(String folderName, String messageId);

    /** Closes the connections. */
    @Override
    void close();
}
