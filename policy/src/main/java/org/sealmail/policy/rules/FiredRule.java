package org.sealmail.policy.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule that fired for a message, with the reasons.
 *
 * @param name the rule's name
 * @param line the line of its {@code rule} header in the rules file
 * @param reasons the conditions that matched
 * @param actions what it asks for
 */
public record FiredRule(String name, int line, List<MatchReason> reasons, List<RuleAction> actions) {

    /** Checks and copies the fields. */
    public FiredRule {
        Objects.requireNonNull(name, "name");
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
    }
}
