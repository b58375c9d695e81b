package org.sealmail.app.ui.reader;

import java.util.Objects;

/**
 * An attachment as the reader lists it.
 *
 * @param fileName the file name from Content-Disposition (RFC 2231 decoded), or a generated one
 * @param mediaType the media type, e.g. {@code application/pdf}
 * @param sizeBytes decoded size in bytes
 * @param bytes the decoded content, held in memory only (never written to a temp file)
 */
public record AttachmentInfo(String fileName, String mediaType, long sizeBytes, byte[] bytes) {

    /** Rejects nulls. */
    public AttachmentInfo {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
