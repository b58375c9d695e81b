package org.sealmail.policy.content;

import java.util.Objects;

/**
 * The decoded text of one MIME part (after quoted-printable or base64 decoding, in its charset;
 * HTML converted to text).
 *
 * @param kind body or attachment
 * @param origin what the part was, for logs ({@code text/plain}, {@code attachment "list.csv"}); never its content
 * @param text the text
 * @param group parts of one {@code multipart/alternative} share a group; every other part has a group of its own
 * @param alternative the index of the alternative within its group (0 outside any {@code multipart/alternative})
 */
public record TextSection(SectionKind kind, String origin, String text, int group, int alternative) {

    /** Checks the fields. */
    public TextSection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }
}
