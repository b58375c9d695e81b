package org.sealmail.rights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Recipient sessions, stored by the SHA-256 of their token (the token itself is never stored). */
public final class SessionRepository {

    private final RightsDatabase database;

    /** @param database the open database */
    public SessionRepository(RightsDatabase database) {
        this.database = database;
    }

    /**
     * @param tokenHash base64url SHA-256 of the token
     * @param licensee the address the session proves
     * @param expiresAt its end
     * @throws StorageException if the database fails
     */
    public void insert(String tokenHash, String licensee, Instant expiresAt) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO recipient_session (token_hash, licensee, expires_at) VALUES (?, ?, ?)")) {
            statement.setString(1, tokenHash);
            statement.setString(2, licensee);
            statement.setLong(3, expiresAt.getEpochSecond());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot store a session for " + licensee, e);
        }
    }

    /**
     * @param tokenHash base64url SHA-256 of the token
     * @param now the current time
     * @return the licensee of a session that has not expired
     * @throws StorageException if the database fails
     */
    public Optional<String> licensee(String tokenHash, Instant now) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT licensee FROM recipient_session WHERE token_hash = ? AND expires_at > ?")) {
            statement.setString(1, tokenHash);
            statement.setLong(2, now.getEpochSecond());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read a session", e);
        }
    }
}
