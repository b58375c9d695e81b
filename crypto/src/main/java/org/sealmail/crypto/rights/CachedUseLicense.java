package org.sealmail.crypto.rights;

import java.time.Instant;
import java.util.Objects;

/**
 * A use license as the local cache keeps it: looked up by content id and licensee, honoured
 * offline until {@code notAfter}. The store encrypts {@code encoded} at rest.
 *
 * @param contentId the protected message's content id (from its publishing license)
 * @param licensee the address the license was issued to (lower case)
 * @param notAfter when the license stops being honoured (UTC)
 * @param encoded the signed use license in its serialized form (JWS compact serialization, ASCII)
 */
public record CachedUseLicense(String contentId, String licensee, Instant notAfter, byte[] encoded) {

    /** Checks that no field is missing and copies the bytes. */
    public CachedUseLicense {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(licensee, "licensee");
        Objects.requireNonNull(notAfter, "notAfter");
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
