package org.sealmail.policy.content;

/** Where a piece of message text came from. */
public enum SectionKind {
    /** The message body (an inline text/plain or text/html part). */
    BODY,
    /** A text attachment (text/*, or a known text file name), decoded. */
    ATTACHMENT
}
