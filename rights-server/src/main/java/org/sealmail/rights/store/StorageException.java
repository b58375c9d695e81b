package org.sealmail.rights.store;

/** A database operation failed (connection lost, constraint broken unexpectedly); the message names the operation. */
public final class StorageException extends RuntimeException {

    /**
     * @param message the operation that failed
     * @param cause the SQL error
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
