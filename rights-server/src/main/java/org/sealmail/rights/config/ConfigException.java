package org.sealmail.rights.config;

/** The configuration file cannot be read or a setting is missing or invalid; the message names the file and the key. */
public final class ConfigException extends RuntimeException {

    /** @param message what is wrong and where */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying exception
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
