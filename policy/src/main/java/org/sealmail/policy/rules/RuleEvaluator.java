package org.sealmail.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.regex.Deadline;
import org.sealmail.policy.regex.DeadlineExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link RuleSet} against one outgoing message and returns a {@link PolicyDecision}.
 * Rules are evaluated in file order, all of them (a later rule may block what an earlier one
 * would protect). The whole evaluation, sensitive-information scanning included, runs within
 * the rule set's timeout on the calling thread: a regular expression that backtracks
 * catastrophically is stopped by a {@link org.sealmail.policy.regex.DeadlineCharSequence} and
 * the message is held, never sent unchecked. Interrupting the thread stops it the same way.
 */
public final class RuleEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);

    /**
     * @param ruleSet the rules
     * @param content the message as the rules see it
     * @return the decision; {@link Verdict#HOLD} when the evaluation did not finish within the bound
     */
    public PolicyDecision evaluate(RuleSet ruleSet, MessageContent content) {
        Deadline deadline = Deadline.after(ruleSet.timeout());
        EvaluationContext context = new EvaluationContext(content, ruleSet, deadline);
        List<FiredRule> fired = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            boolean scannedBefore = context.scanned();
            try {
                test(rule, context).ifPresent(fired::add);
            } catch (DeadlineExceededException e) {
                String stage = !scannedBefore && !context.scanned() && usesScan(rule) ? "scanning for sensitive information (for "
                        + describe(rule, ruleSet) + ")" : describe(rule, ruleSet);
                String reason = e.interrupted() ? stage + " was interrupted; the message is held, not sent"
                        : stage + " did not finish within the " + ruleSet.timeout().toMillis()
                                + " ms bound (a regular expression that backtracks catastrophically?); the message is held,"
                                + " not sent";
                LOG.warn("rules {}: {}", ruleSet.source(), reason);
                return PolicyDecision.held(reason, fired);
            }
        }
        return decide(fired);
    }

    private static boolean usesScan(Rule rule) {
        return rule.conditions().stream().anyMatch(condition -> condition instanceof Condition.Sensitive);
    }

    private static String describe(Rule rule, RuleSet ruleSet) {
        return "rule '" + rule.name() + "' (" + ruleSet.source() + " line " + rule.line() + ")";
    }

    private static Optional<FiredRule> test(Rule rule, EvaluationContext context) {
        List<MatchReason> reasons = new ArrayList<>();
        for (Condition condition : rule.conditions()) {
            Optional<MatchReason> reason = condition.test(context);
            if (reason.isPresent()) {
                reasons.add(reason.get());
                if (rule.mode() == MatchMode.ANY) {
                    break;
                }
            } else if (rule.mode() == MatchMode.ALL) {
                return Optional.empty();
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new FiredRule(rule.name(), rule.line(), reasons, rule.actions()));
    }

    /**
     * @param fired the rules that fired, in file order
     * @return the combined decision: block wins; otherwise the strongest template, signing if any rule requires it,
     *     and a warning verdict if any rule warns
     */
    static PolicyDecision decide(List<FiredRule> fired) {
        Optional<String> block = Optional.empty();
        Optional<AppliedTemplate> template = Optional.empty();
        boolean signing = false;
        List<String> warnings = new ArrayList<>();
        for (FiredRule rule : fired) {
            for (RuleAction action : rule.actions()) {
                if (action instanceof RuleAction.Block blockAction) {
                    block = block.or(() -> Optional.of(blockAction.message()));
                } else if (action instanceof RuleAction.ApplyTemplate apply) {
                    if (template.isEmpty() || TemplateStrength.stronger(apply.template(), template.get().template())) {
                        template = Optional.of(new AppliedTemplate(apply.template(), apply.branding(), rule.name()));
                    }
                } else if (action instanceof RuleAction.RequireSigning) {
                    signing = true;
                } else if (action instanceof RuleAction.Warn warn) {
                    warnings.add(warn.message());
                }
            }
        }
        Verdict verdict = block.isPresent() ? Verdict.BLOCK : warnings.isEmpty() ? Verdict.SEND : Verdict.WARN;
        return new PolicyDecision(verdict, fired, template, signing, block, warnings, Optional.empty());
    }
}
