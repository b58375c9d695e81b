package org.sealmail.rights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The append-only access log. */
public final class AccessLogRepository {

    private final RightsDatabase database;

    /** @param database the open database */
    public AccessLogRepository(RightsDatabase database) {
        this.database = database;
    }

    /**
     * @param entry the entry to append
     * @throws StorageException if the database fails
     */
    public void append(AccessLogEntry entry) {
        // seq orders the entries of one message (clock times can tie); one statement, so it is atomic per database
        String sql = "INSERT INTO access_log (id, cid, seq, at_ms, licensee, client, channel, outcome, reason, device, not_after)"
                + " SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM access_log WHERE cid = ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, entry.cid());
            statement.setLong(3, entry.at().toEpochMilli());
            statement.setString(4, entry.licensee().orElse(null));
            statement.setString(5, entry.client().orElse(null));
            statement.setString(6, entry.channel());
            statement.setString(7, entry.granted() ? "granted" : "denied");
            statement.setString(8, entry.reason());
            statement.setString(9, entry.device().orElse(null));
            MessageRepository.setInstant(statement, 10, entry.notAfter());
            statement.setString(11, entry.cid());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot append to the access log of " + entry.cid(), e);
        }
    }

    /**
     * @param cid content id
     * @return its entries, oldest first
     * @throws StorageException if the database fails
     */
    public List<AccessLogEntry> list(String cid) {
        String sql = "SELECT at_ms, licensee, client, channel, outcome, reason, device, not_after FROM access_log"
                + " WHERE cid = ? ORDER BY seq, at_ms, id";
        List<AccessLogEntry> entries = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, cid);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(new AccessLogEntry(cid, Instant.ofEpochMilli(row.getLong(1)), Optional.ofNullable(row.getString(2)),
                            Optional.ofNullable(row.getString(3)), row.getString(4), "granted".equals(row.getString(5)),
                            row.getString(6), Optional.ofNullable(row.getString(7)), MessageRepository.instant(row, 8)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StorageException("cannot read the access log of " + cid, e);
        }
    }
}
