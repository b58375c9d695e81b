package org.sealmail.mailstore.imap;

/**
 * One leaf of a message's MIME structure, as BODYSTRUCTURE (RFC 3501 §7.4.2) or a local parse
 * describes it; no content.
 *
 * @param section the IMAP section number, e.g. {@code 1}, {@code 2.1}; {@code TEXT} for a single-part message
 * @param contentType the media type with parameters, lower-cased type/subtype
 * @param disposition {@code inline}, {@code attachment}, or null when absent
 * @param filename the file name from Content-Disposition or Content-Type, or null
 * @param size the encoded size in bytes as the server reports it, -1 when unknown
 */
public record MessagePart(String section, String contentType, String disposition, String filename, long size) {

    /** @return true when it is an attachment: disposition attachment, or a file name on a non-text part */
    public boolean isAttachment() {
        if ("attachment".equalsIgnoreCase(disposition)) {
            return true;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return filename != null && !type.startsWith("text/");
    }
}
