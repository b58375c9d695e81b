package org.sealmail.app.ui.reader;

import java.util.Map;
import java.util.Objects;

/**
 * One body part the reader renders, on its own: decrypted content is never merged with
 * unprotected parts.
 *
 * @param format plain text or HTML
 * @param content the decoded text (for protected mail: plaintext held in memory only)
 * @param origin whether this part came out of decryption, is covered by a signature, or is in clear
 * @param inlineImages {@code cid:} references (Content-ID without angle brackets) to image parts
 */
public record DisplayPart(Format format, String content, Origin origin, Map<String, InlineImage> inlineImages) {

    /** The text format of a part. */
    public enum Format {
        /** text/plain. */
        PLAIN,
        /** text/html. */
        HTML
    }

    /** Where the part's content comes from, which decides how it may be shown. */
    public enum Origin {
        /** Sent in clear, not covered by a signature. */
        CLEAR,
        /** Covered by a verified S/MIME signature, not encrypted. */
        SIGNED,
        /** Decrypted (S/MIME or a rights-protected message): never loads remote content. */
        DECRYPTED
    }

    /** Copies the image map and rejects nulls. */
    public DisplayPart {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(origin, "origin");
        inlineImages = Map.copyOf(inlineImages);
    }

    /**
     * @param text plain text sent in clear
     * @return a clear plain-text part
     */
    public static DisplayPart clearText(String text) {
        return new DisplayPart(Format.PLAIN, text, Origin.CLEAR, Map.of());
    }
}
