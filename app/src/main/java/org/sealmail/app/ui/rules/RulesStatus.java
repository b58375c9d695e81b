package org.sealmail.app.ui.rules;

import java.util.List;
import java.util.Objects;
import org.sealmail.policy.PolicyFileProblem;

/**
 * The state of the profile's rules.
 *
 * @param file the rules file (which need not exist: then no rules apply)
 * @param sendingHeld true when the file exists but no version of it has ever loaded: outgoing mail is held
 * @param rulesInForce how many rules are in force
 * @param problems why the file was last rejected (empty after a successful load); with
 *                 {@code sendingHeld} false, the previous rules stay in force
 */
public record RulesStatus(String file, boolean sendingHeld, int rulesInForce, List<PolicyFileProblem> problems) {

    /** Copies the list. */
    public RulesStatus {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
    }
}
