package org.sealmail.policy.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the rules for one message, as data the composer shows before sending and the
 * send pipeline acts on: which rules fired and why (types and counts, never values), the
 * strongest action, the template to apply, and any block, warning or hold.
 *
 * @param verdict send, warn (override needed), block or hold
 * @param firedRules the rules that fired, in rules-file order
 * @param template the template to apply, if any rule asks for one (the strongest, see {@link TemplateStrength})
 * @param signingRequired whether a rule requires S/MIME signing
 * @param blockMessage for {@link Verdict#BLOCK}: the first blocking rule's message
 * @param warnings the messages of the warning rules (all of them)
 * @param holdReason for {@link Verdict#HOLD}: why the rules could not be applied
 */
public record PolicyDecision(Verdict verdict, List<FiredRule> firedRules, Optional<AppliedTemplate> template,
        boolean signingRequired, Optional<String> blockMessage, List<String> warnings, Optional<String> holdReason) {

    /** Checks and copies the fields. */
    public PolicyDecision {
        Objects.requireNonNull(verdict, "verdict");
        firedRules = List.copyOf(firedRules);
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(blockMessage, "blockMessage");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(holdReason, "holdReason");
        if (verdict == Verdict.BLOCK && blockMessage.isEmpty()) {
            throw new IllegalArgumentException("a BLOCK decision needs a block message");
        }
        if (verdict == Verdict.HOLD && holdReason.isEmpty()) {
            throw new IllegalArgumentException("a HOLD decision needs a reason");
        }
    }

    /** @return a decision to send as is: no rule fired */
    public static PolicyDecision noRuleFired() {
        return new PolicyDecision(Verdict.SEND, List.of(), Optional.empty(), false, Optional.empty(), List.of(),
                Optional.empty());
    }

    /**
     * @param reason why the rules could not be applied
     * @param firedSoFar rules that had fired before the problem
     * @return a decision to hold the message
     */
    public static PolicyDecision held(String reason, List<FiredRule> firedSoFar) {
        return new PolicyDecision(Verdict.HOLD, firedSoFar, Optional.empty(), false, Optional.empty(), List.of(),
                Optional.of(reason));
    }

    /** @return the strongest action among the fired rules ({@link ActionKind} order), if any fired */
    public Optional<ActionKind> strongestAction() {
        return firedRules.stream().flatMap(rule -> rule.actions().stream()).map(RuleAction::kind)
                .min(Enum::compareTo);
    }

    /** @return true if the message may be sent only with an override reason */
    public boolean overrideRequired() {
        return verdict == Verdict.WARN;
    }
}
