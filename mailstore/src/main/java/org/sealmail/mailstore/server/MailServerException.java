package org.sealmail.mailstore.server;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure talking to an IMAP or SMTP server, with its {@link MailServerFailure} kind and a
 * message fit to show the user (what failed, where). For an untrusted certificate it also carries
 * the SHA-256 fingerprint the user can compare and pin.
 */
public class MailServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MailServerFailure failure;
    private final String certificateFingerprint;

    /**
     * @param failure the kind of failure
     * @param message what failed and where
     * @param cause the underlying exception, or null
     */
    public MailServerException(MailServerFailure failure, String message, Throwable cause) {
        this(failure, message, cause, null);
    }

    /**
     * @param failure the kind of failure
     * @param message what failed and where
     * @param cause the underlying exception, or null
     * @param certificateFingerprint SHA-256 of the refused server certificate, colon-separated hex, or null
     */
    public MailServerException(MailServerFailure failure, String message, Throwable cause, String certificateFingerprint) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.certificateFingerprint = certificateFingerprint;
    }

    /** @return the kind of failure */
    public MailServerFailure failure() {
        return failure;
    }

    /** @return the SHA-256 fingerprint of a refused server certificate, when that was the failure */
    public Optional<String> certificateFingerprint() {
        return Optional.ofNullable(certificateFingerprint);
    }
}
