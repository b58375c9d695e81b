package org.sealmail.app.ui.mailbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the message list: what the store knows without opening the message.
 *
 * @param id the store's message id
 * @param folderId the folder holding it
 * @param from the From display string (name and address)
 * @param subject the decoded subject (may be empty)
 * @param date the Date header, UTC
 * @param sizeBytes the RFC 822 size in bytes
 * @param seen whether \Seen is set
 * @param flagged whether \Flagged is set
 * @param hasAttachments whether the message has attachments
 * @param protection the protection detected from the MIME structure
 * @param conversationSize messages in its conversation (1 when not threaded)
 */
public record MessageHeader(long id, long folderId, String from, String subject, Instant date, long sizeBytes,
        boolean seen, boolean flagged, boolean hasAttachments, ProtectionKind protection, int conversationSize) {

    /** Rejects nulls. */
    public MessageHeader {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(protection, "protection");
    }

    /**
     * @param newSeen the new \Seen state
     * @return a copy with that state
     */
    public MessageHeader withSeen(boolean newSeen) {
        return new MessageHeader(id, folderId, from, subject, date, sizeBytes, newSeen, flagged, hasAttachments,
                protection, conversationSize);
    }

    /**
     * @param newFlagged the new \Flagged state
     * @return a copy with that state
     */
    public MessageHeader withFlagged(boolean newFlagged) {
        return new MessageHeader(id, folderId, from, subject, date, sizeBytes, seen, newFlagged, hasAttachments,
                protection, conversationSize);
    }
}
