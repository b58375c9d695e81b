package org.sealmail.rights.license;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.UsageRights;

/**
 * What the rights server needs from a verified publishing license (docs/protected-message-format.md,
 * "Publishing license"; online grants without {@code cert} per docs/rights-server-api.md §3).
 *
 * @param compact the publishing license JWS, verbatim
 * @param contentId {@code cid}
 * @param issuer {@code iss}, the sender's address, lower case
 * @param ownerThumbprint the owner entry's {@code x5t#S256}: the sender's certificate
 * @param notAfter {@code exp}, empty for never
 * @param offlineDays {@code offline_days}
 * @param rightsServer {@code rights_server}, if present
 * @param grants rights per licensee address (lower case), the owner included with OWNER
 */
public record LicenseClaims(String compact, String contentId, String issuer, String ownerThumbprint,
        Optional<Instant> notAfter, int offlineDays, Optional<String> rightsServer, Map<String, UsageRights> grants) {

    /** Checks and copies the fields. */
    public LicenseClaims {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(ownerThumbprint, "ownerThumbprint");
        grants = Map.copyOf(grants);
    }

    /**
     * @param address an address
     * @return the rights the license grants it, if any
     */
    public Optional<UsageRights> rightsOf(String address) {
        return Optional.ofNullable(grants.get(normalize(address)));
    }

    /** @return the address trimmed and lower-cased, as licensees are compared */
    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
