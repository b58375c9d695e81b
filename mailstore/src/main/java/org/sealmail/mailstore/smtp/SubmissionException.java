package org.sealmail.mailstore.smtp;

import org.sealmail.mailstore.server.MailServerException;

/** A failed submission, with what is known about the message's fate. */
public final class SubmissionException extends MailServerException {

    private static final long serialVersionUID = 1L;

    private final SubmissionOutcome outcome;

    /**
     * @param outcome whether the server can have accepted the message
     * @param cause the failure
     */
    public SubmissionException(SubmissionOutcome outcome, MailServerException cause) {
        super(cause.failure(), cause.getMessage(), cause, cause.certificateFingerprint().orElse(null));
        this.outcome = outcome;
    }

    /** @return whether the server can have accepted the message */
    public SubmissionOutcome outcome() {
        return outcome;
    }
}
