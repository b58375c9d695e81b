package org.sealmail.mailstore;

import java.util.Objects;

/**
 * The one unchecked exception of the mail store. {@link #failure()} says what kind of failure it
 * is; the message says what was wrong and where (the file, the folder, the message), in words fit
 * for a user.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    /**
     * @param failure what kind of failure, never {@code null}
     * @param message what was wrong and where
     */
    public StoreException(StoreFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * @param failure what kind of failure, never {@code null}
     * @param message what was wrong and where
     * @param cause the underlying exception (SQLException, IOException, ...)
     */
    public StoreException(StoreFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** @return the kind of failure */
    public StoreFailure failure() {
        return failure;
    }
}
