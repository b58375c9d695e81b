package org.sealmail.app.ui.reader;

import java.util.Objects;

/**
 * An inline image part referenced from HTML by {@code cid:} (RFC 2392); the viewer inlines it as
 * a {@code data:} URI so that no load leaves the viewer.
 *
 * @param mediaType e.g. {@code image/png}
 * @param bytes the decoded image bytes (held in memory only)
 */
public record InlineImage(String mediaType, byte[] bytes) {

    /** Rejects nulls. */
    public InlineImage {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
