package org.sealmail.mailstore.imap;

import java.util.List;

/**
 * The MIME structure of a message: its top-level media type, its leaf parts, and an outline of
 * the whole tree.
 *
 * @param contentType the top-level Content-Type (e.g. {@code multipart/mixed; boundary=...})
 * @param parts the leaves, in document order (may be empty when only the outline is known)
 * @param outline the tree of base media types in the store's notation, e.g.
 *                {@code multipart/mixed(text/plain,application/pdf)}
 * @param parsedLocally true when the server's BODYSTRUCTURE could not be used and the whole
 *                      message was fetched and parsed by us
 */
public record MessageStructure(String contentType, List<MessagePart> parts, String outline, boolean parsedLocally) {

    /** Copies the part list. */
    public MessageStructure {
        parts = List.copyOf(parts);
        java.util.Objects.requireNonNull(outline, "outline");
    }

    /**
     * @param contentType the only media type known
     * @param parsedLocally whether it comes from a local parse
     * @return a structure of one opaque part
     */
    public static MessageStructure opaque(String contentType, boolean parsedLocally) {
        return new MessageStructure(contentType, List.of(), baseType(contentType), parsedLocally);
    }

    /** @return the base type (type/subtype, lower case) of a Content-Type value */
    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether any leaf is an attachment */
    public boolean hasAttachments() {
        return parts.stream().anyMatch(MessagePart::isAttachment);
    }
}
