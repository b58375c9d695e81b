package org.sealmail.mailstore.imap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the initial sync fetches for a message: envelope (RFC 3501 §7.4.2 ENVELOPE), flags,
 * size and MIME structure; no body.
 *
 * @param uid the message's UID, valid within the folder's UIDVALIDITY
 * @param messageId the Message-ID header, or null
 * @param subject the decoded subject, or null
 * @param from From addresses, RFC 5322 form, decoded
 * @param to To addresses
 * @param cc Cc addresses
 * @param sentDate the Date header (UTC), or null
 * @param receivedDate the server's INTERNALDATE (UTC), or null
 * @param size RFC822.SIZE in bytes
 * @param flags the flags
 * @param structure the MIME structure
 * @param inReplyTo the In-Reply-To header, or null
 * @param references the Message-IDs of the References header, oldest first
 */
public record MessageSummary(long uid, String messageId, String subject, List<String> from, List<String> to,
        List<String> cc, Instant sentDate, Instant receivedDate, long size, MessageFlags flags,
        MessageStructure structure, String inReplyTo, List<String> references) {

    /** Copies the lists. */
    public MessageSummary {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(structure, "structure");
    }

    /** @return a copy with other flags */
    public MessageSummary withFlags(MessageFlags other) {
        return new MessageSummary(uid, messageId, subject, from, to, cc, sentDate, receivedDate, size, other, structure, inReplyTo, references);
    }

    /** @return a copy under another UID (after a MOVE or COPY, RFC 4315 COPYUID) */
    public MessageSummary withUid(long other) {
        return new MessageSummary(other, messageId, subject, from, to, cc, sentDate, receivedDate, size, flags, structure, inReplyTo, references);
    }
}
