package org.sealmail.app.sending;

import java.time.Clock;
import java.util.Objects;
import org.sealmail.mailstore.outbox.OutboxRepository;
import org.sealmail.policy.send.OutboxPort;
import org.sealmail.policy.send.OutgoingSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send pipeline's {@link OutboxPort} on the local store: queues an allowed message durably in
 * the account's outbox ({@link OutboxRepository}), with its envelope (MAIL FROM, RCPT TO
 * including Bcc). The policy facts of the submission (rules fired, override) are in the audit
 * log; the store keeps the message and envelope only.
 */
public final class StoreOutbox implements OutboxPort {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutbox.class);

    private final OutboxRepository outbox;
    private final long accountId;
    private final Clock clock;
    private volatile long lastQueued = -1;

    /**
     * @param outbox the store's outbox
     * @param accountId the sending account
     * @param clock the queue time (UTC)
     */
    public StoreOutbox(OutboxRepository outbox, long accountId, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.accountId = accountId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws org.sealmail.mailstore.StoreException if the store cannot queue it (nothing is sent then) */
    @Override
    public void enqueue(OutgoingSubmission submission) {
        long id = outbox.enqueue(accountId, submission.envelopeSender(), submission.envelopeRecipients(), submission.message(),
                clock.instant());
        lastQueued = id;
        LOG.debug("outbox entry {} for account {}: template {}, rules fired {}", id, accountId,
                submission.protectionTemplateId().orElse("none"), submission.firedRules());
    }

    /** @return the outbox entry id of the last message this port queued, or empty when none was */
    public java.util.OptionalLong lastQueued() {
        long id = lastQueued;
        return id < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(id);
    }
}
