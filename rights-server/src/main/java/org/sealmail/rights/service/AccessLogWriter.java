package org.sealmail.rights.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.store.AccessLogEntry;
import org.sealmail.rights.store.AccessLogRepository;

/** Appends access-log entries for one kind of caller; a refusal is logged with its reason code before it is thrown. */
final class AccessLogWriter {

    private final Clock clock;
    private final AccessLogRepository log;

    AccessLogWriter(Clock clock, AccessLogRepository log) {
        this.clock = clock;
        this.log = log;
    }

    void granted(String cid, String licensee, Caller caller, String reason, Optional<String> device, Optional<Instant> notAfter) {
        log.append(new AccessLogEntry(cid, clock.instant(), Optional.of(licensee), caller.client(), caller.channel(), true, reason,
                device, notAfter));
    }

    RightsProblem denied(String cid, Optional<String> licensee, Caller caller, RightsProblem problem) {
        log.append(new AccessLogEntry(cid, clock.instant(), licensee, caller.client(), caller.channel(), false,
                problem.reason().name(), Optional.empty(), Optional.empty()));
        return problem;
    }
}
