package org.sealmail.crypto.rights;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a recipient's client keeps the use licenses it has obtained, so that a protected
 * message opens offline until the license's notAfter. The SQLite store implements it with
 * the licenses encrypted at rest; tests use an in-memory twin.
 */
public interface UseLicenseCache {

    /**
     * @param contentId the message's content id
     * @param licensee the licensee address (compared case-insensitively)
     * @return the cached license, if any (expired ones included: the caller checks notAfter)
     */
    Optional<CachedUseLicense> find(String contentId, String licensee);

    /** Stores or replaces the license for its (content id, licensee). */
    void put(CachedUseLicense license);

    /**
     * Deletes licenses whose notAfter is before {@code now}.
     *
     * @param now the current time (UTC)
     * @return how many were deleted
     */
    int removeExpired(Instant now);
}
