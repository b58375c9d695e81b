package org.sealmail.policy.regex;

import java.time.Duration;

/**
 * A point in time after which work must stop, read from {@link System#nanoTime()} (monotonic,
 * so wall-clock changes do not move it).
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    /**
     * @param budget how long the work may take from now; positive
     * @return a deadline that many nanoseconds from now
     */
    public static Deadline after(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** @return the budget this deadline was made with */
    public Duration budget() {
        return budget;
    }

    /** @return true once the deadline has passed */
    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * @throws DeadlineExceededException if the deadline has passed or the thread was interrupted
     */
    public void check() {
        if (passed()) {
            throw new DeadlineExceededException(budget);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new DeadlineExceededException(budget, true);
        }
    }
}
