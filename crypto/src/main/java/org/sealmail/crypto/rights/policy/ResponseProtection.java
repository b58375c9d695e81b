package org.sealmail.crypto.rights.policy;

import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.template.ProtectionTemplate;

/**
 * What {@link ProtectionPolicy} decided for a reply or forward of a protected message.
 *
 * @param decision protect, warn before a downgrade, or refuse
 * @param template the protection to apply when the response is sent (empty: unprotected; also empty when refused)
 * @param reason in words for a user: what will happen, or what the warning or refusal is about
 */
public record ResponseProtection(Decision decision, Optional<ProtectionTemplate> template, String reason) {

    /** The decision. */
    public enum Decision {
        /** Send with {@link #template()}; no warning needed (same or stricter protection). */
        PROTECT,
        /** Sending as chosen weakens the protection: warn the user and send only after confirmation. */
        WARN_DOWNGRADE,
        /** The granted rights do not allow this response at all. */
        REFUSED
    }

    /** Checks that no field is missing. */
    public ResponseProtection {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(reason, "reason");
    }
}
