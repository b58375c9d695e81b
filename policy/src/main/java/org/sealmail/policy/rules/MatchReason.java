package org.sealmail.policy.rules;

import java.util.Objects;
import java.util.Optional;
import org.sealmail.policy.detect.SensitiveType;

/**
 * Why one condition of a rule matched: the condition as written in the rules file and what was
 * counted. Never a matched value: a card number, an IBAN or the words of the message are not
 * here, only their type and count.
 *
 * @param condition the condition as written (e.g. {@code sensitive card >= 1 confidence high})
 * @param sensitiveType the type counted, for a {@code sensitive} condition
 * @param count how many items matched (recipients, attachments, matches, detections)
 * @param explanation one sentence for the user, e.g. "2 payment card numbers (confidence medium or higher)"
 */
public record MatchReason(String condition, Optional<SensitiveType> sensitiveType, int count, String explanation) {

    /** Checks the fields. */
    public MatchReason {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(sensitiveType, "sensitiveType");
        Objects.requireNonNull(explanation, "explanation");
    }
}
