package org.sealmail.policy.content;

/**
 * An outgoing message could not be read as MIME, so it cannot be checked against the rules
 * (and is therefore not sent).
 */
public final class UnreadableMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be read
     * @param cause the MIME or I/O error
     */
    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
