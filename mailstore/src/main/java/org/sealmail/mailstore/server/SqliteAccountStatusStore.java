package org.sealmail.mailstore.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;

/** {@link AccountStatusStore} in the SQLite store (table {@code account_status}). */
public final class SqliteAccountStatusStore implements AccountStatusStore {

    private final StoreDatabase database;
    private final Clock clock;

    /**
     * @param database the store
     * @param clock for the update time
     */
    public SqliteAccountStatusStore(StoreDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<String> authenticationFailure(String accountId) {
        return database.read("reading the status of account " + accountId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT authentication_failure FROM account_status WHERE account_id = ?")) {
                select.setLong(1, Long.parseLong(accountId));
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void markAuthenticationFailed(String accountId, String reason) {
        set(accountId, reason);
    }

    @Override
    public void clearAuthenticationFailure(String accountId) {
        set(accountId, null);
    }

    private void set(String accountId, String reason) {
        database.write("recording the status of account " + accountId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO account_status (account_id,"
                    + " authentication_failure, updated_at) VALUES (?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
                    + " authentication_failure = excluded.authentication_failure, updated_at = excluded.updated_at")) {
                upsert.setLong(1, Long.parseLong(accountId));
                upsert.setString(2, reason);
                JdbcValues.setInstant(upsert, 3, clock.instant());
                upsert.executeUpdate();
            }
            return null;
        });
    }
}
