package org.sealmail.app.ui.compose;

import java.util.Objects;

/**
 * An attachment of a message being composed.
 *
 * @param fileName the file name sent in Content-Disposition
 * @param mediaType the media type, e.g. {@code application/pdf}
 * @param bytes the content
 */
public record OutgoingAttachment(String fileName, String mediaType, byte[] bytes) {

    /** Rejects nulls. */
    public OutgoingAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
