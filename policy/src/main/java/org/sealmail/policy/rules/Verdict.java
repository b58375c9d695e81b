package org.sealmail.policy.rules;

/** What happens to a message after the rules. */
public enum Verdict {
    /** Send it (protected or signed if the decision says so). */
    SEND,
    /** Send only after the user gives a reason to override the warnings. */
    WARN,
    /** Do not send: a rule blocks it. */
    BLOCK,
    /** Do not send now: the rules could not be applied (none loaded, a rule timed out, unreadable message). */
    HOLD
}
