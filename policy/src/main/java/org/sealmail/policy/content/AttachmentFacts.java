package org.sealmail.policy.content;

import java.util.Objects;

/**
 * What the rules can see of an attachment besides its text.
 *
 * @param fileName the file name from Content-Disposition or Content-Type (RFC 2231 decoded); empty if none
 * @param mediaType the base media type in lower case, e.g. {@code application/pdf}
 */
public record AttachmentFacts(String fileName, String mediaType) {

    /** Checks the fields. */
    public AttachmentFacts {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
