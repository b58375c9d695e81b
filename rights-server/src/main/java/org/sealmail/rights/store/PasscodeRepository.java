package org.sealmail.rights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Pending one-time passcodes (stored as salted hashes), failure counts and locks per
 * (message, licensee), and the send history for rate limiting. Every change is one atomic SQL
 * statement, so several server instances on one database agree on consumption and locks.
 */
public final class PasscodeRepository {

    private final RightsDatabase database;

    /** @param database the open database */
    public PasscodeRepository(RightsDatabase database) {
        this.database = database;
    }

    /**
     * The stored state of (message, licensee).
     *
     * @param salt base64 salt of the pending code, empty if none pending
     * @param codeHash base64 hash of the pending code, empty if none pending
     * @param expiresAt when the pending code expires
     * @param failures wrong codes since the last lock or success
     * @param lockedUntil the end of a lock (epoch 0 if never locked)
     */
    public record PasscodeState(Optional<String> salt, Optional<String> codeHash, Instant expiresAt, int failures,
            Instant lockedUntil) {
    }

    /**
     * @param cid content id
     * @param licensee address
     * @return the state, if a code was ever requested
     * @throws StorageException if the database fails
     */
    public Optional<PasscodeState> find(String cid, String licensee) {
        String sql = "SELECT salt, code_hash, expires_at, failures, locked_until FROM passcode WHERE cid = ? AND licensee = ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cid);
            statement.setString(2, licensee);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PasscodeState(Optional.ofNullable(row.getString(1)), Optional.ofNullable(row.getString(2)),
                        Instant.ofEpochSecond(row.getLong(3)), row.getInt(4), Instant.ofEpochSecond(row.getLong(5))));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the passcode state of " + licensee + " for " + cid, e);
        }
    }

    /**
     * Stores a new pending code, replacing an earlier one; failures and a lock are kept.
     *
     * @param cid content id
     * @param licensee address
     * @param salt base64 salt
     * @param codeHash base64 hash
     * @param expiresAt expiry of the code
     * @throws StorageException if the database fails
     */
    public void replace(String cid, String licensee, String salt, String codeHash, Instant expiresAt) {
        String sql = "INSERT INTO passcode (cid, licensee, salt, code_hash, expires_at, failures, locked_until)"
                + " VALUES (?, ?, ?, ?, ?, 0, 0) ON CONFLICT (cid, licensee) DO UPDATE SET salt = excluded.salt,"
                + " code_hash = excluded.code_hash, expires_at = excluded.expires_at";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cid);
            statement.setString(2, licensee);
            statement.setString(3, salt);
            statement.setString(4, codeHash);
            statement.setLong(5, expiresAt.getEpochSecond());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot store a passcode for " + licensee + " on " + cid, e);
        }
    }

    /**
     * Consumes the pending code if it is still the one with this hash (single use, also across instances).
     *
     * @return true if this call consumed it
     * @throws StorageException if the database fails
     */
    public boolean consume(String cid, String licensee, String codeHash) {
        String sql = "UPDATE passcode SET salt = NULL, code_hash = NULL, failures = 0 WHERE cid = ? AND licensee = ?"
                + " AND code_hash = ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cid);
            statement.setString(2, licensee);
            statement.setString(3, codeHash);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("cannot consume the passcode of " + licensee + " for " + cid, e);
        }
    }

    /**
     * Counts a wrong code; at {@code maxFailures} the pending code is dropped and (message,
     * licensee) is locked until {@code now + lock}.
     *
     * @return the failures counted so far (0 after a lock was set)
     * @throws StorageException if the database fails
     */
    public int recordFailure(String cid, String licensee, Instant now, int maxFailures, Duration lock) {
        try (Connection connection = database.connection()) {
            try (PreparedStatement count = connection.prepareStatement(
                    "UPDATE passcode SET failures = failures + 1 WHERE cid = ? AND licensee = ?")) {
                count.setString(1, cid);
                count.setString(2, licensee);
                count.executeUpdate();
            }
            try (PreparedStatement lockIt = connection.prepareStatement("UPDATE passcode SET locked_until = ?, failures = 0,"
                    + " salt = NULL, code_hash = NULL WHERE cid = ? AND licensee = ? AND failures >= ?")) {
                lockIt.setLong(1, now.plus(lock).getEpochSecond());
                lockIt.setString(2, cid);
                lockIt.setString(3, licensee);
                lockIt.setInt(4, maxFailures);
                if (lockIt.executeUpdate() == 1) {
                    return 0;
                }
            }
            return find(cid, licensee).map(PasscodeState::failures).orElse(0);
        } catch (SQLException e) {
            throw new StorageException("cannot count a wrong passcode of " + licensee + " for " + cid, e);
        }
    }

    /**
     * Records that a code was sent.
     *
     * @throws StorageException if the database fails
     */
    public void recordSend(String cid, String licensee, Instant at) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO passcode_send (id, cid, licensee, sent_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, cid);
            statement.setString(3, licensee);
            statement.setLong(4, at.getEpochSecond());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot record a passcode sent to " + licensee, e);
        }
    }

    /**
     * @return how many codes were sent for (message, licensee) at or after {@code since}
     * @throws StorageException if the database fails
     */
    public int sendsSince(String cid, String licensee, Instant since) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM passcode_send WHERE cid = ? AND licensee = ? AND sent_at >= ?")) {
            statement.setString(1, cid);
            statement.setString(2, licensee);
            statement.setLong(3, since.getEpochSecond());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count passcodes sent to " + licensee, e);
        }
    }
}
