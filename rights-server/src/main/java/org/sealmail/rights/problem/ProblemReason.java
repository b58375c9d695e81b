package org.sealmail.rights.problem;

import java.util.Locale;

/**
 * The stable reason codes of the rights server's errors (docs/rights-server-api.md, "Errors"),
 * each with its HTTP status and a short title. Codes are only ever added, never renamed.
 */
public enum ProblemReason {
    MALFORMED_REQUEST(400, "Malformed request"),
    SENDER_AUTH_MISSING(401, "Sender authentication missing"),
    SENDER_AUTH_INVALID(401, "Sender authentication invalid"),
    REQUEST_REPLAYED(401, "Request replayed"),
    NOT_THE_SENDER(403, "Not the sender of this message"),
    PUBLISHING_LICENSE_INVALID(422, "Publishing license invalid"),
    NOT_FOR_THIS_SERVER(422, "Publishing license names another rights server"),
    UNKNOWN_KEY(422, "Unknown key"),
    CONTENT_KEY_INVALID(422, "Content key invalid"),
    CONTENT_MISMATCH(422, "Content does not match the publishing license"),
    CONTENT_WITH_DOUBLE_KEY(422, "Content upload with double key encryption"),
    ALREADY_REGISTERED(409, "Message already registered"),
    UNKNOWN_MESSAGE(404, "Unknown message"),
    NOT_A_RECIPIENT(403, "Not a recipient"),
    REVOKED(403, "Message revoked"),
    EXPIRED(403, "Message expired"),
    PASSCODE_RATE_LIMITED(429, "Too many passcodes requested"),
    NO_PASSCODE(401, "No passcode pending"),
    PASSCODE_EXPIRED(401, "Passcode expired"),
    PASSCODE_WRONG(401, "Wrong passcode"),
    PASSCODE_LOCKED(429, "Too many wrong passcodes"),
    SESSION_INVALID(401, "Session invalid"),
    DEVICE_KEY_UNSUPPORTED(400, "Device key unsupported"),
    DEVICE_KEY_MISMATCH(403, "Device key mismatch"),
    USE_LICENSE_INVALID(403, "Use license invalid"),
    MAIL_RELAY_FAILED(502, "Mail relay failed"),
    INTERNAL(500, "Internal error"),
    WEB_READER_UNAVAILABLE(409, "Web reader unavailable for this message");

    private final int status;
    private final String title;

    ProblemReason(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return a short title in English */
    public String title() {
        return title;
    }

    /** @return the RFC 9457 {@code type}: {@code urn:sealmail:rights:problem:} and the code in lower case with dashes */
    public String type() {
        return "urn:sealmail:rights:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
