package org.sealmail.mailstore.smtp;

/** What is known after a failed submission attempt. */
public enum SubmissionOutcome {
    /**
     * The server cannot have accepted the message: the failure came before the end of DATA was
     * written, or the server answered the end of DATA with an error code.
     */
    NOT_SENT,
    /**
     * The message was written completely but no answer to the end of DATA arrived (connection
     * lost): the server may or may not have accepted it.
     */
    UNKNOWN
}
