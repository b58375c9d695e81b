package org.sealmail.mailstore.smtp;

/** Where a message is in the outbox (a durable queue). */
public enum OutboxState {
    /** Waiting to be sent (new, or after a failure that may pass). */
    QUEUED,
    /**
     * An attempt has started (marked durably before MAIL FROM). Found at start-up or after an
     * attempt whose outcome is unknown, it goes through the recovery rule of {@link OutboxSender}.
     */
    SENDING,
    /** The submission server accepted it (250 after DATA). */
    SENT,
    /** Refused for good (5xx, no recipients, too many attempts); needs the user. */
    FAILED
}
