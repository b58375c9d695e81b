package org.sealmail.mailstore.messages;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A message as the store holds it (one row; the raw bytes are read apart with
 * {@link MessageRepository#raw(long)}).
 *
 * @param id the store's id
 * @param folderId the folder
 * @param uid the IMAP UID, or {@code null} for a local message
 * @param messageId the Message-ID without angle brackets, or {@code null}
 * @param subject the decoded subject, or {@code null}
 * @param from the From addresses
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param sentDate the Date header (UTC), or {@code null}
 * @param internalDate when the message arrived (IMAP INTERNALDATE, mbox From_ line date), UTC
 * @param conversationId the conversation (thread) it belongs to
 * @param flags the system flags
 * @param keywords the keywords (IMAP flags without backslash)
 * @param size the raw size in bytes (RFC822.SIZE)
 * @param mimeStructure the content types as a tree
 * @param protection the protection seen in the raw message
 * @param parseWarning what was malformed, or {@code null}
 * @param bodyFetched false if only the headers are stored so far
 */
public record StoredMessage(long id, long folderId, Long uid, String messageId, String subject, List<MailAddress> from,
        List<MailAddress> to, List<MailAddress> cc, Instant sentDate, Instant internalDate, long conversationId,
        Set<MessageFlag> flags, Set<String> keywords, long size, String mimeStructure, MessageProtection protection,
        String parseWarning, boolean bodyFetched) {

    /** Copies the collections. */
    public StoredMessage {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        flags = Set.copyOf(flags);
        keywords = Set.copyOf(keywords);
    }
}
