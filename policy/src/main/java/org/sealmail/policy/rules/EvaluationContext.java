package org.sealmail.policy.rules;

import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.detect.SensitiveContentReport;
import org.sealmail.policy.detect.SensitiveContentScanner;
import org.sealmail.policy.regex.Deadline;

/** What conditions are evaluated against: one message, its rule set and the evaluation deadline. */
final class EvaluationContext {

    private final MessageContent content;
    private final RuleSet ruleSet;
    private final Deadline deadline;
    private SensitiveContentReport report;

    EvaluationContext(MessageContent content, RuleSet ruleSet, Deadline deadline) {
        this.content = content;
        this.ruleSet = ruleSet;
        this.deadline = deadline;
    }

    MessageContent content() {
        return content;
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    Deadline deadline() {
        return deadline;
    }

    boolean scanned() {
        return report != null;
    }

    /** @return the sensitive-information report, scanning on first use */
    SensitiveContentReport report() {
        if (report == null) {
            report = SensitiveContentScanner.scan(content, deadline);
        }
        return report;
    }
}
