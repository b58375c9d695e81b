package org.sealmail.rights.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal with a stable {@link ProblemReason}, the words saying what was wrong, and the extra
 * problem members the API names for that reason ({@code attempts_left}, {@code retry_after}, ...).
 * Rendered as {@code application/problem+json} (RFC 9457). The detail never holds a secret.
 */
public final class RightsProblem extends RuntimeException {

    private final ProblemReason reason;
    private final Map<String, Object> extras;

    /**
     * @param reason the reason code
     * @param detail what was wrong, in words
     */
    public RightsProblem(ProblemReason reason, String detail) {
        this(reason, detail, Map.of(), null);
    }

    /**
     * @param reason the reason code
     * @param detail what was wrong, in words
     * @param cause the underlying exception (kept for the server log only)
     */
    public RightsProblem(ProblemReason reason, String detail, Throwable cause) {
        this(reason, detail, Map.of(), cause);
    }

    /**
     * @param reason the reason code
     * @param detail what was wrong, in words
     * @param extras extra problem members (JSON values), in order
     * @param cause the underlying exception, or null
     */
    public RightsProblem(ProblemReason reason, String detail, Map<String, Object> extras, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the reason code */
    public ProblemReason reason() {
        return reason;
    }

    /** @return the extra problem members */
    public Map<String, Object> extras() {
        return extras;
    }

    /** @return the RFC 9457 problem object (type, title, status, detail, reason, extras) */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", reason.type());
        json.put("title", reason.title());
        json.put("status", reason.status());
        json.put("detail", getMessage());
        json.put("reason", reason.name());
        json.putAll(extras);
        return json;
    }
}
