package org.sealmail.policy.rules;

/** How a rule combines its conditions. */
public enum MatchMode {
    /** Every condition must match (the default). */
    ALL,
    /** One matching condition is enough. */
    ANY
}
