package org.sealmail.app.ui.reader;

/** Opens the composer for a reply or a forward of the open message. */
public interface ComposeRequests {

    /**
     * @param original the message replied to
     * @param all true to reply to all recipients
     */
    void reply(OpenedMessage original, boolean all);

    /**
     * @param original the message forwarded
     */
    void forward(OpenedMessage original);
}
