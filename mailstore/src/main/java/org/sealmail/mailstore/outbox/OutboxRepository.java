package org.sealmail.mailstore.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.messages.RawMessageCompression;

/**
 * The outbox: a durable queue of messages to submit. Each message moves QUEUED → SENDING →
 * SENT, or back to QUEUED with a later next attempt after a temporary failure, or to FAILED. A
 * message left SENDING by a crash goes back to QUEUED on {@link #requeueInterrupted} (delivery is
 * at least once). The raw message is the one to submit: for protected mail, the encrypted form.
 */
public final class OutboxRepository {

    private static final String COLUMNS = "id, account_id, envelope_from, recipients, state, attempts, last_error, queued_at,"
            + " next_attempt_at, updated_at";

    private final StoreDatabase database;

    /** @param database the store's database */
    public OutboxRepository(StoreDatabase database) {
        this.database = database;
    }

    /**
     * @param accountId the sending account
     * @param envelopeFrom the MAIL FROM address
     * @param recipients the RCPT TO addresses (at least one)
     * @param raw the message to submit
     * @param now the time (UTC)
     * @return the entry's id
     */
    public long enqueue(long accountId, String envelopeFrom, List<String> recipients, byte[] raw, Instant now) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message in the outbox needs at least one recipient");
        }
        byte[] compressed = RawMessageCompression.compress(raw);
        return database.write("queueing a message", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (account_id, envelope_from,"
                    + " recipients, compressed, state, queued_at, next_attempt_at, updated_at) VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?)")) {
                insert.setLong(1, accountId);
                insert.setString(2, envelopeFrom);
                insert.setString(3, String.join("\n", recipients));
                insert.setBytes(4, compressed);
                JdbcValues.setInstant(insert, 5, now);
                JdbcValues.setInstant(insert, 6, now);
                JdbcValues.setInstant(insert, 7, now);
                insert.executeUpdate();
                return JdbcValues.lastInsertId(insert);
            }
        });
    }

    /**
     * Takes the oldest queued message due at {@code now}: marks it SENDING and counts the attempt,
     * in one transaction, so two senders never take the same message.
     *
     * @param now the time (UTC)
     * @return the entry, now SENDING, if one is due
     */
    public Optional<OutboxEntry> claimNext(Instant now) {
        return database.write("taking the next message to send", connection -> {
            Long id;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM outbox WHERE state = 'QUEUED'"
                    + " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1")) {
                JdbcValues.setInstant(select, 1, now);
                try (ResultSet row = select.executeQuery()) {
                    id = row.next() ? row.getLong(1) : null;
                }
            }
            if (id == null) {
                return Optional.empty();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, updated_at = ? WHERE id = ?")) {
                JdbcValues.setInstant(update, 1, now);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return Optional.of(require(connection, id));
        });
    }

    /** Marks a message SENT. */
    public void markSent(long id, Instant now) {
        transition(id, "UPDATE outbox SET state = 'SENT', last_error = NULL, updated_at = ? WHERE id = ?", now);
    }

    /**
     * Records a failed attempt.
     *
     * @param id the entry
     * @param error what the server or connection said
     * @param now the time (UTC)
     * @param retryAt when to try again (QUEUED), or {@code null} to give up (FAILED)
     */
    public void markFailed(long id, String error, Instant now, Instant retryAt) {
        database.write("recording a failed submission", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = ?, last_error = ?,"
                    + " next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, retryAt == null ? OutboxState.FAILED.name() : OutboxState.QUEUED.name());
                update.setString(2, error);
                JdbcValues.setInstant(update, 3, retryAt == null ? now : retryAt);
                JdbcValues.setInstant(update, 4, now);
                update.setLong(5, id);
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no outbox entry with id " + id);
                }
            }
            return null;
        });
    }

    /**
     * Puts messages left SENDING (the app stopped mid-submission) back in the queue.
     *
     * @return how many
     */
    public int requeueInterrupted(Instant now) {
        return database.write("requeueing interrupted submissions", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'QUEUED', next_attempt_at = ?, updated_at = ? WHERE state = 'SENDING'")) {
                JdbcValues.setInstant(update, 1, now);
                JdbcValues.setInstant(update, 2, now);
                return update.executeUpdate();
            }
        });
    }

    /** @return the entries in a state, oldest first */
    public List<OutboxEntry> list(OutboxState state) {
        return database.read("listing the outbox", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox WHERE state = ? ORDER BY queued_at, id")) {
                select.setString(1, state.name());
                return entries(select);
            }
        });
    }

    /** @return the entry, if any */
    public Optional<OutboxEntry> find(long id) {
        return database.read("reading outbox entry " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                select.setLong(1, id);
                List<OutboxEntry> entries = entries(select);
                return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
            }
        });
    }

    /**
     * @return the raw message of an entry
     * @throws StoreException NOT_FOUND for an unknown entry
     */
    public byte[] raw(long id) {
        return database.read("reading outbox entry " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT compressed FROM outbox WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new StoreException(StoreFailure.NOT_FOUND, "no outbox entry with id " + id);
                    }
                    return RawMessageCompression.decompress(row.getBytes(1));
                }
            }
        });
    }

    /** Deletes an entry (e.g. a SENT one once it is in the Sent folder); @return true if it existed */
    public boolean delete(long id) {
        return database.write("deleting outbox entry " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private void transition(long id, String sql, Instant now) {
        database.write("updating outbox entry " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                JdbcValues.setInstant(update, 1, now);
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no outbox entry with id " + id);
                }
            }
            return null;
        });
    }

    private static OutboxEntry require(java.sql.Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            select.setLong(1, id);
            return entries(select).get(0);
        }
    }

    private static List<OutboxEntry> entries(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(new OutboxEntry(row.getLong("id"), row.getLong("account_id"), row.getString("envelope_from"),
                        List.of(row.getString("recipients").split("\n")), OutboxState.valueOf(row.getString("state")),
                        row.getInt("attempts"), row.getString("last_error"), JdbcValues.getInstant(row, "queued_at"),
                        JdbcValues.getInstant(row, "next_attempt_at"), JdbcValues.getInstant(row, "updated_at")));
            }
        }
        return entries;
    }
}
