package org.sealmail.rights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Registered messages: insert, look up, revoke, change expiry. */
public final class MessageRepository {

    private final RightsDatabase database;

    /** @param database the open database */
    public MessageRepository(RightsDatabase database) {
        this.database = database;
    }

    /**
     * Inserts a message unless its content id exists.
     *
     * @param message the message
     * @return true if inserted, false if the content id was already registered
     * @throws StorageException if the database fails
     */
    public boolean insert(StoredMessage message) {
        String sql = "INSERT INTO message (cid, issuer, owner_thumbprint, publishing_license, content_key, share_a, share_b,"
                + " key_service, content, branding, registered_at, not_after, revoked_at, revocation_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL) ON CONFLICT (cid) DO NOTHING";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, message.cid());
            statement.setString(2, message.issuer());
            statement.setString(3, message.ownerThumbprint());
            statement.setString(4, message.publishingLicense());
            statement.setString(5, message.contentKey().orElse(null));
            statement.setString(6, message.shareA().orElse(null));
            statement.setString(7, message.shareB().orElse(null));
            statement.setString(8, message.keyService().orElse(null));
            statement.setString(9, message.content().orElse(null));
            statement.setString(10, message.branding().orElse(null));
            statement.setLong(11, message.registeredAt().getEpochSecond());
            setInstant(statement, 12, message.notAfter());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("cannot register message " + message.cid(), e);
        }
    }

    /**
     * @param cid content id
     * @return the message, if registered
     * @throws StorageException if the database fails
     */
    public Optional<StoredMessage> find(String cid) {
        String sql = "SELECT cid, issuer, owner_thumbprint, publishing_license, content_key, share_a, share_b, key_service,"
                + " content, branding, registered_at, not_after, revoked_at, revocation_reason FROM message WHERE cid = ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cid);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredMessage(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Optional.ofNullable(row.getString(5)), Optional.ofNullable(row.getString(6)),
                        Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)),
                        Optional.ofNullable(row.getString(9)), Optional.ofNullable(row.getString(10)),
                        Instant.ofEpochSecond(row.getLong(11)), instant(row, 12), instant(row, 13),
                        Optional.ofNullable(row.getString(14))));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read message " + cid, e);
        }
    }

    /**
     * Revokes a message; a second revocation keeps the first time and reason.
     *
     * @param cid content id
     * @param at revocation time
     * @param reason the sender's reason, if any
     * @throws StorageException if the database fails
     */
    public void revoke(String cid, Instant at, Optional<String> reason) {
        String sql = "UPDATE message SET revoked_at = ?, revocation_reason = ? WHERE cid = ? AND revoked_at IS NULL";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, at.getEpochSecond());
            statement.setString(2, reason.orElse(null));
            statement.setString(3, cid);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot revoke message " + cid, e);
        }
    }

    /**
     * @param cid content id
     * @param notAfter the new effective expiry, empty for never
     * @throws StorageException if the database fails
     */
    public void setExpiry(String cid, Optional<Instant> notAfter) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("UPDATE message SET not_after = ? WHERE cid = ?")) {
            setInstant(statement, 1, notAfter);
            statement.setString(2, cid);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot change the expiry of message " + cid, e);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get().getEpochSecond());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    static Optional<Instant> instant(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(value));
    }
}
