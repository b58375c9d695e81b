package org.sealmail.policy.regex;

import java.time.Duration;

/**
 * Matching was stopped because its {@link Deadline} passed (for example a catastrophically
 * backtracking regular expression such as {@code (a+)+$}) or its thread was interrupted.
 */
public final class DeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration budget;
    private final boolean interrupted;

    DeadlineExceededException(Duration budget) {
        this(budget, false);
    }

    DeadlineExceededException(Duration budget, boolean interrupted) {
        super(interrupted ? "interrupted" : "did not finish within " + budget.toMillis() + " ms", null, false, false);
        this.budget = budget;
        this.interrupted = interrupted;
    }

    /** @return the budget that was exceeded */
    public Duration budget() {
        return budget;
    }

    /** @return true if the thread was interrupted rather than out of time */
    public boolean interrupted() {
        return interrupted;
    }
}
