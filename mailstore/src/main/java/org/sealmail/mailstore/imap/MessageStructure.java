package org.sealmail.mailstore.imap;

import java.util.List;

/**
 * The MIME structure of a message: its top-level media type and its leaf parts.
 *
 * @param contentType the top-level Content-Type (e.g. {@code multipart/mixed})
 * @param parts the leaves, in document order
 * @param parsedLocally true when the server's BODYSTRUCTURE could not be used and the whole
 *                      message was fetched and parsed by us
 */
public record MessageStructure(String contentType, List<MessagePart> parts, boolean parsedLocally) {

    /** Copies the part list. */
    public MessageStructure {
        parts = List.copyOf(parts);
    }

    /** @return whether any leaf is an attachment */
    public boolean hasAttachments() {
        return parts.stream().anyMatch(MessagePart::isAttachment);
    }
}
