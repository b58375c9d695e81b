package org.sealmail.app.ui.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sealmail.app.ui.UiText;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.MatchReason;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleAction;

/**
 * Puts a {@link PolicyDecision} into the user's words, for the composer and the rules editor's
 * test pane: each rule that fired with its actions, each reason as the sensitive type and its
 * count (or the condition as written in the rules file and its count), and the outcome. Built
 * only from the rule names, the rules file's own text and counts: a matched value (a card
 * number, an IBAN, the words of the message) never reaches these lines.
 */
public final class DecisionText {

    private final UiText text;

    /** @param text the UI strings */
    public DecisionText(UiText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * @param decision the rules' decision for a message
     * @return one line per fired rule followed by its reasons (indented), then the outcome; empty
     *         when no rule fired and the message may be sent as composed
     */
    public List<String> lines(PolicyDecision decision) {
        List<String> lines = new ArrayList<>();
        for (FiredRule rule : decision.firedRules()) {
            lines.add(text.get("rules.fired", rule.name(), rule.actions().stream().map(this::action)
                    .collect(Collectors.joining(", "))));
            for (MatchReason reason : rule.reasons()) {
                lines.add("    " + reason(reason));
            }
        }
        switch (decision.verdict()) {
            case HOLD -> lines.add(text.get("rules.verdict.hold", decision.holdReason().orElseThrow()));
            case BLOCK -> lines.add(text.get("rules.verdict.block", decision.blockMessage().orElseThrow()));
            case WARN -> lines.add(text.get("rules.verdict.warn", String.join(" ", decision.warnings())));
            case SEND -> {
                if (lines.isEmpty()) {
                    return List.of();
                }
                decision.template().ifPresent(applied -> lines.add(text.get("rules.verdict.template",
                        applied.template().name(), applied.ruleName())));
                if (decision.signingRequired()) {
                    lines.add(text.get("rules.verdict.signing"));
                }
            }
            default -> throw new IllegalStateException("unknown verdict " + decision.verdict());
        }
        return List.copyOf(lines);
    }

    /**
     * @param action a rule's action
     * @return what it does, e.g. "protect with Do Not Forward"
     */
    public String action(RuleAction action) {
        String key = "rules.action." + action.kind().name().toLowerCase(Locale.ROOT);
        return action instanceof RuleAction.ApplyTemplate apply ? text.get(key, apply.template().name()) : text.get(key);
    }

    /**
     * @param reason why a condition matched
     * @return e.g. "Payment card numbers: 2", or for other conditions "“recipient outside”: 1"
     */
    public String reason(MatchReason reason) {
        return reason.sensitiveType().map(type -> text.get("rules.reason.sensitive",
                text.get("rules.type." + type.name().toLowerCase(Locale.ROOT)), reason.count()))
                .orElseGet(() -> text.get("rules.reason.condition", reason.condition(), reason.count()));
    }
}
