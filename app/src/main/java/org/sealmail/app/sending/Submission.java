package org.sealmail.app.sending;

import java.util.List;

/**
 * Hands a finished message to the account's submission server (RFC 6409), through the durable
 * outbox of the transport module. Network I/O: call in the background.
 */
@FunctionalInterface
public interface Submission {

    /**
     * @param accountId the sending account
     * @param envelopeFrom the MAIL FROM address (the sender's)
     * @param rfc5322 the message bytes (CRLF line ends), without a Bcc header
     * @param envelopeRecipients every recipient's address, Bcc included (RCPT TO)
     * @throws org.sealmail.app.ui.compose.SendFailure when the server refuses or cannot be reached
     */
    void submit(long accountId, String envelopeFrom, byte[] rfc5322, List<String> envelopeRecipients);
}
