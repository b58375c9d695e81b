package org.sealmail.rights.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** The {@code jti} values of sender requests already accepted, kept for a while to refuse replays. */
public final class RequestNonceRepository {

    private final RightsDatabase database;

    /** @param database the open database */
    public RequestNonceRepository(RightsDatabase database) {
        this.database = database;
    }

    /**
     * Records a jti; forgets those older than {@code keep}.
     *
     * @param jti the request's jti
     * @param now the current time
     * @param keep how long jtis are remembered
     * @return true if it was new, false if seen before (a replay)
     * @throws StorageException if the database fails
     */
    public boolean claim(String jti, Instant now, Duration keep) {
        try (Connection connection = database.connection()) {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM request_nonce WHERE seen_at < ?")) {
                purge.setLong(1, now.minus(keep).getEpochSecond());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO request_nonce (jti, seen_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING")) {
                insert.setString(1, jti);
                insert.setLong(2, now.getEpochSecond());
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record a request id", e);
        }
    }
}
