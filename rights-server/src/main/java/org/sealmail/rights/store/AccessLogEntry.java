package org.sealmail.rights.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One access attempt (docs/rights-server-api.md §7): never a key, share, passcode or token.
 *
 * @param cid content id
 * @param at when (UTC, milliseconds kept for ordering)
 * @param licensee who (the address asked for or signed in), if known
 * @param client which client software, if known
 * @param channel {@code api} or {@code web}
 * @param granted whether access was granted
 * @param reason a reason code or words
 * @param device the device key id a use license was issued to, if any
 * @param notAfter the use license's notAfter, if one was issued
 */
public record AccessLogEntry(String cid, Instant at, Optional<String> licensee, Optional<String> client, String channel,
        boolean granted, String reason, Optional<String> device, Optional<Instant> notAfter) {

    /** Checks the required fields. */
    public AccessLogEntry {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
    }
}
