package org.sealmail.mailstore.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.outbox.OutboxRepository;

/**
 * {@link OutboxQueue} over the store's {@link OutboxRepository} (table {@code outbox}): listing,
 * raw bytes, SENT and FAILED/retry marks go through the repository; the one transition it lacks,
 * "QUEUED → SENDING for this entry" (the repository only claims the globally next one), is a
 * single conditional UPDATE here. A requeued entry waits before its next attempt: one minute,
 * doubled per attempt, at most an hour; entries not yet due are not listed as QUEUED.
 */
public final class SqliteOutboxQueue implements OutboxQueue {

    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final SqliteMailStore store;
    private final Clock clock;

    /**
     * @param store the open store
     * @param clock the time of state changes and retry delays
     */
    public SqliteOutboxQueue(SqliteMailStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Puts a composed message into the outbox.
     *
     * @param accountId the sending account
     * @param composed the message
     * @return the outbox entry's id
     */
    public long enqueue(long accountId, MessageComposer.Composed composed) {
        return store.outbox().enqueue(accountId, composed.envelopeFrom(), composed.recipients(), composed.rfc822(),
                clock.instant());
    }

    @Override
    public List<OutboxEntry> entries(String accountId, OutboxState state) {
        Instant now = clock.instant();
        List<OutboxEntry> out = new ArrayList<>();
        for (org.sealmail.mailstore.outbox.OutboxEntry row
                : store.outbox().list(org.sealmail.mailstore.outbox.OutboxState.valueOf(state.name()))) {
            if (row.accountId() != Long.parseLong(accountId)) {
                continue;
            }
            if (state == OutboxState.QUEUED && row.nextAttemptAt() != null && row.nextAttemptAt().isAfter(now)) {
                continue;
            }
            byte[] raw = store.outbox().raw(row.id());
            out.add(new OutboxEntry(row.id(), accountId, messageId(raw), raw, state, row.attempts(), row.lastError(),
                    row.envelopeFrom(), row.recipients()));
        }
        return out;
    }

    @Override
    public boolean markSending(long id) {
        return store.database().write("starting to send outbox entry " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'SENDING',"
                    + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'QUEUED'")) {
                JdbcValues.setInstant(update, 1, clock.instant());
                update.setLong(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markSent(long id) {
        store.outbox().markSent(id, clock.instant());
    }

    @Override
    public void markQueued(long id, String lastError) {
        int attempts = store.outbox().find(id).map(org.sealmail.mailstore.outbox.OutboxEntry::attempts).orElse(1);
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(6, Math.max(0, attempts - 1)));
        Instant now = clock.instant();
        store.outbox().markFailed(id, lastError, now, now.plus(delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay));
    }

    /**
     * Makes a requeued entry due now (the user asked to send again).
     *
     * @param accountId the account whose waiting entries become due
     */
    public void retryNow(long accountId) {
        store.database().write("retrying the outbox now", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET next_attempt_at = ?"
                    + " WHERE account_id = ? AND state = 'QUEUED'")) {
                JdbcValues.setInstant(update, 1, clock.instant());
                update.setLong(2, accountId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void markFailed(long id, String lastError) {
        store.outbox().markFailed(id, lastError, clock.instant(), null);
    }

    private static String messageId(byte[] raw) {
        try {
            String[] values = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID");
            return values == null || values.length == 0 ? null : values[0].trim();
        } catch (MessagingException e) {
            return null;
        }
    }
}
