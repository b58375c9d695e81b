package org.sealmail.policy.send;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The user's decision to send despite warnings. It is written to the audit log
 * ({@code org.sealmail.policy.audit}) and handed to the outbox with the message, never put into
 * the message: recipients do not see the organization's rules or the user's reason.
 *
 * @param reason the reason the user gave, not blank
 * @param rules the names of the warning rules overridden
 * @param at when (UTC)
 */
public record PolicyOverride(String reason, List<String> rules, Instant at) {

    /** Checks and copies the fields. */
    public PolicyOverride {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        reason = reason.strip();
        rules = List.copyOf(rules);
        Objects.requireNonNull(at, "at");
    }
}
