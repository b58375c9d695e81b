package org.sealmail.mailstore.imap;

import java.time.Duration;

/**
 * Exponential backoff between reconnect attempts: initial, doubled each failure, capped at a
 * maximum; reset after a success. Not thread-safe (one per reconnecting loop).
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    /**
     * @param initial the first delay (positive)
     * @param max the largest delay
     */
    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** @return the delay to wait now; the following one doubles (up to the maximum) */
    public Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** After a success: the next delay is the initial one again. */
    public void reset() {
        next = initial;
    }
}
