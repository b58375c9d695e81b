package org.sealmail.rights.config;

import java.time.Duration;

/**
 * How one-time passcodes behave.
 *
 * @param validity how long a code is valid (default 10 minutes)
 * @param maxFailures wrong codes that lock a (message, licensee) (default 5)
 * @param lock how long a lock lasts (default 15 minutes)
 * @param maxSendsPerHour codes sent per (message, licensee) per hour (default 5)
 */
public record PasscodePolicy(Duration validity, int maxFailures, Duration lock, int maxSendsPerHour) {

    /** The defaults documented in docs/rights-server.md. */
    public static final PasscodePolicy DEFAULT = new PasscodePolicy(Duration.ofMinutes(10), 5, Duration.ofMinutes(15), 5);

    static PasscodePolicy read(ConfigFile config) {
        return new PasscodePolicy(Duration.ofMinutes(config.integer("passcode.ttl-minutes", 10, 1, 60)),
                config.integer("passcode.max-failures", 5, 1, 100),
                Duration.ofMinutes(config.integer("passcode.lock-minutes", 15, 1, 24 * 60)),
                config.integer("passcode.max-sends", 5, 1, 100));
    }
}
