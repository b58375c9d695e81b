package org.sealmail.mailstore.outbox;

import java.time.Instant;
import java.util.List;

/**
 * A message in the outbox (its raw bytes are read apart with {@link OutboxRepository#raw(long)}).
 *
 * @param id the store's id
 * @param accountId the sending account
 * @param envelopeFrom the SMTP MAIL FROM address
 * @param recipients the SMTP RCPT TO addresses
 * @param state where it stands
 * @param attempts how many times sending was started
 * @param lastError the last failure, or {@code null}
 * @param queuedAt when it was queued (UTC)
 * @param nextAttemptAt when it may be tried next (UTC)
 * @param updatedAt when its state last changed (UTC)
 */
public record OutboxEntry(long id, long accountId, String envelopeFrom, List<String> recipients, OutboxState state,
        int attempts, String lastError, Instant queuedAt, Instant nextAttemptAt, Instant updatedAt) {

    /** Copies the list. */
    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }
}
