package org.sealmail.mailstore.outbox;

/** Where a message stands in the outbox. */
public enum OutboxState {
    /** Waiting to be sent (again, after a temporary failure). */
    QUEUED,
    /** Handed to the submission server; if the app stops now, it goes back to QUEUED on restart. */
    SENDING,
    /** Accepted by the submission server. */
    SENT,
    /** Given up: a permanent error, or too many attempts. */
    FAILED
}
