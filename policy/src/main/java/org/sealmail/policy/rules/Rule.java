package org.sealmail.policy.rules;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a rules file: conditions, how they combine, and actions.
 *
 * @param name the rule's name (unique in its file)
 * @param line the line of its {@code rule} header
 * @param mode all conditions or any
 * @param conditions at least one
 * @param actions at least one
 */
public record Rule(String name, int line, MatchMode mode, List<Condition> conditions, List<RuleAction> actions) {

    /** Checks and copies the fields. */
    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        if (conditions.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' needs at least one condition and one action");
        }
    }
}
