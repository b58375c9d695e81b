package org.sealmail.app.ui.store;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.sealmail.app.sending.Submission;
import org.sealmail.mailstore.outbox.OutboxRepository;

/**
 * {@link Submission} into the store's durable outbox: the message is queued in one transaction
 * and the transport's outbox sender submits it (SMTP), retrying after failures.
 */
public final class StoreOutboxSubmission implements Submission {

    private final OutboxRepository outbox;
    private final Clock clock;

    /**
     * @param outbox the store's outbox
     * @param clock the time source
     */
    public StoreOutboxSubmission(OutboxRepository outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void submit(long accountId, String envelopeFrom, byte[] rfc5322, List<String> envelopeRecipients) {
        outbox.enqueue(accountId, envelopeFrom, envelopeRecipients, rfc5322, clock.instant());
    }
}
