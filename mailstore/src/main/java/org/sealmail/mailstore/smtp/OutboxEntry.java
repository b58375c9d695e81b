package org.sealmail.mailstore.smtp;

import java.util.Objects;

/**
 * One message in the outbox.
 *
 * @param id the store's identifier
 * @param accountId the sending account
 * @param messageId the message's Message-ID header (used to find it in Sent)
 * @param rfc822 the complete message as composed (may include Bcc, which is not transmitted)
 * @param state the queue state
 * @param attempts how many submission attempts have started
 * @param lastError the last failure shown to the user, or null
 * @param envelopeFrom the MAIL FROM address stored with the entry, or null to use the message's From
 * @param recipients the RCPT TO addresses stored with the entry; empty to take To, Cc and Bcc from the message
 */
public record OutboxEntry(long id, String accountId, String messageId, byte[] rfc822, OutboxState state, int attempts,
        String lastError, String envelopeFrom, java.util.List<String> recipients) {

    /** @throws NullPointerException if a required field is missing */
    public OutboxEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(rfc822, "rfc822");
        Objects.requireNonNull(state, "state");
        recipients = java.util.List.copyOf(recipients);
    }

    /**
     * @return an entry whose envelope comes from the message's headers
     */
    public static OutboxEntry of(long id, String accountId, String messageId, byte[] rfc822, OutboxState state, int attempts,
            String lastError) {
        return new OutboxEntry(id, accountId, messageId, rfc822, state, attempts, lastError, null, java.util.List.of());
    }
}
