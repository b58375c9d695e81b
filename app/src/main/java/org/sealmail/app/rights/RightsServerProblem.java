package org.sealmail.app.rights;

import java.util.Map;
import java.util.Optional;

/**
 * A refusal from a rights server or key service: its RFC 9457 {@code application/problem+json} answer
 * (docs/rights-server-api.md, "Errors"), or a transport failure ({@link #UNREACHABLE}, {@link #TLS}, or
 * {@link #UNEXPECTED_RESPONSE} for an answer that is not the documented JSON).
 */
public final class RightsServerProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Reason for a server that could not be reached (connection refused, timeout, DNS). */
    public static final String UNREACHABLE = "UNREACHABLE";
    /** Reason for a TLS failure: untrusted certificate, name mismatch, protocol below TLS 1.2. */
    public static final String TLS = "TLS";
    /** Reason for an answer that is neither the documented JSON nor problem+json. */
    public static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";

    private final String reason;
    private final int status;
    private final transient Map<String, Object> members;

    /**
     * @param reason the stable reason code ({@code REVOKED}, {@code PASSCODE_WRONG}, ... or one of the transport reasons)
     * @param status the HTTP status, 0 when no answer arrived
     * @param detail what was wrong, in words
     * @param members the problem's other members ({@code attempts_left}, {@code retry_after}, {@code revoked_at}, ...)
     * @param cause the underlying failure, if any
     */
    public RightsServerProblem(String reason, int status, String detail, Map<String, Object> members, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.status = status;
        this.members = Map.copyOf(members);
    }

    /** @return the stable reason code */
    public String reason() {
        return reason;
    }

    /** @return the HTTP status, 0 when no answer arrived */
    public int status() {
        return status;
    }

    /**
     * @param name a problem member, e.g. {@code attempts_left}
     * @return its value when it is a number
     */
    public Optional<Long> number(String name) {
        return members.get(name) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /**
     * @param name a problem member, e.g. {@code revocation_reason}
     * @return its value when it is a string
     */
    public Optional<String> text(String name) {
        return members.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** @return true if no HTTP answer arrived (unreachable or TLS failure) */
    public boolean isTransport() {
        return status == 0;
    }
}
