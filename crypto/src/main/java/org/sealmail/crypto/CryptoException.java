package org.sealmail.crypto;

import java.util.Objects;

/**
 * The one unchecked exception of the crypto module. {@link #failure()} says what kind of
 * failure it is; the message says what was wrong and where, in words fit for a user.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CryptoFailure failure;

    /**
     * @param failure what kind of failure, never {@code null}
     * @param message what was wrong and where
     */
    public CryptoException(CryptoFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * @param failure what kind of failure, never {@code null}
     * @param message what was wrong and where
     * @param cause the underlying library exception
     */
    public CryptoException(CryptoFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** @return the kind of failure */
    public CryptoFailure failure() {
        return failure;
    }
}
