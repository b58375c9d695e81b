package org.sealmail.app.ui.compose;

/** Sending failed; the message says what and whether the message stays queued in the outbox. */
public final class SendFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whether the message stays in the outbox to be retried. */
    private final boolean queued;
    /** Whether warning rules ask for a reason before the message may be sent. */
    private final boolean overrideRequired;

    /**
     * @param message what failed, for the user
     * @param queued whether the message stays in the outbox
     * @param cause the underlying failure (may be null)
     */
    public SendFailure(String message, boolean queued, Throwable cause) {
        this(message, queued, false, cause);
    }

    private SendFailure(String message, boolean queued, boolean overrideRequired, Throwable cause) {
        super(message, cause);
        this.queued = queued;
        this.overrideRequired = overrideRequired;
    }

    /**
     * @param explanation the warnings of the rules, for the user
     * @return a failure that asks for an override reason (nothing was sent)
     */
    public static SendFailure overrideRequired(String explanation) {
        return new SendFailure(explanation, false, true, null);
    }

    /** @return whether sending may go ahead once the user gives a reason */
    public boolean overrideRequired() {
        return overrideRequired;
    }

    /** @return whether the message stays in the outbox to be retried */
    public boolean queued() {
        return queued;
    }
}
