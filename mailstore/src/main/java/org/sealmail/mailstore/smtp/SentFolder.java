package org.sealmail.mailstore.smtp;

/**
 * The account's Sent folder on the IMAP server, as the outbox needs it: to file a copy of what
 * was sent, and to find out whether a message of unknown fate was sent after all.
 */
public interface SentFolder {

    /**
     * @param messageId a Message-ID header value
     * @return whether Sent holds a message with it
     * @throws org.sealmail.mailstore.server.MailServerException if the server cannot be asked
     */
    boolean contains(String messageId);

    /**
     * Appends a copy (flagged \Seen).
     *
     * @param rfc822 the message as sent (with Bcc, as the sender's record)
     * @throws org.sealmail.mailstore.server.MailServerException on failure
     */
    void append(byte[] rfc822);
}
