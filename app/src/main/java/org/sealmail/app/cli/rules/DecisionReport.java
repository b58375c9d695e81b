package org.sealmail.app.cli.rules;

import java.io.PrintWriter;
import org.sealmail.policy.rules.AppliedTemplate;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.MatchReason;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleAction;

/**
 * Prints a rules decision for the command line (docs/protection-rules.md): each rule that fired
 * with its reasons (sensitive types and counts, never the matched values) and actions, then the
 * outcome. Shared by {@code sealmail rules test} and {@code sealmail send}.
 */
public final class DecisionReport {

    private DecisionReport() {
    }

    /**
     * @param decision the rules' decision
     * @param out where the lines go
     */
    public static void print(PolicyDecision decision, PrintWriter out) {
        if (decision.firedRules().isEmpty()) {
            out.println("No rule fired.");
        }
        for (FiredRule rule : decision.firedRules()) {
            out.println("Rule fired: " + rule.name() + " (line " + rule.line() + ")");
            for (MatchReason reason : rule.reasons()) {
                out.println("  when " + reason.condition() + ": " + reason.explanation());
            }
            for (RuleAction action : rule.actions()) {
                out.println("  then " + describe(action));
            }
        }
        out.println("Decision: " + outcome(decision));
    }

    private static String describe(RuleAction action) {
        if (action instanceof RuleAction.ApplyTemplate apply) {
            return "protect with " + apply.template().name() + " (branding " + apply.branding().name() + ")";
        } else if (action instanceof RuleAction.Block block) {
            return "block: " + block.message();
        } else if (action instanceof RuleAction.Warn warn) {
            return "warn: " + warn.message();
        }
        return "require S/MIME signing";
    }

    static String outcome(PolicyDecision decision) {
        return switch (decision.verdict()) {
            case BLOCK -> "blocked: " + decision.blockMessage().orElseThrow();
            case HOLD -> "held: " + decision.holdReason().orElseThrow();
            case WARN -> "send only with an override reason (" + String.join(" ", decision.warnings()) + "), " + how(decision);
            case SEND -> "send, " + how(decision);
        };
    }

    private static String how(PolicyDecision decision) {
        if (decision.template().isPresent()) {
            AppliedTemplate template = decision.template().get();
            return "protected with " + template.template().name() + " (branding " + template.branding().name() + ", rule '"
                    + template.ruleName() + "')";
        }
        return decision.signingRequired() ? "signed with S/MIME" : "as composed";
    }
}
