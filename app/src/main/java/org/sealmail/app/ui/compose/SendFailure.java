package org.sealmail.app.ui.compose;

/** Sending failed; the message says what and whether the message stays queued in the outbox. */
public final class SendFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether the message stays in the outbox to be retried. */
    private final boolean queued;

    /**
     * @param message what failed, for the user
     * @param queued whether the message stays in the outbox
     * @param cause the underlying failure (may be null)
     */
    public SendFailure(String message, boolean queued, Throwable cause) {
        super(message, cause);
        this.queued = queued;
    }

    /** @return whether the message stays in the outbox to be retried */
    public boolean queued() {
        return queued;
    }
}
