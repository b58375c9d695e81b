package org.sealmail.rights.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that tests move forward. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    /** @param start the initial time */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param duration how far to move the clock */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
