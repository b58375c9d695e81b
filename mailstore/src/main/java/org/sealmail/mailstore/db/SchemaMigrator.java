package org.sealmail.mailstore.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Brings a store file to the schema this build knows, with Flyway and the numbered SQL migrations
 * in {@value #LOCATION} ({@code V1__initial_schema.sql}, ...). A store written by a newer Sealmail
 * (a schema version beyond the newest migration here) is refused and left untouched. The file is
 * marked with SQLite's {@code application_id} ({@value #APPLICATION_ID_HEX}, "SEAL") so that any
 * other application's SQLite database is refused too.
 */
final class SchemaMigrator {

    /** Where the migrations live on the class path. */
    static final String LOCATION = "classpath:org/sealmail/mailstore/db/migration";

    /** SQLite application_id of a Sealmail store: "SEAL" in ASCII. */
    static final int APPLICATION_ID = 0x5345414C;

    private static final String APPLICATION_ID_HEX = "0x5345414C";

    private SchemaMigrator() {
    }

    /**
     * Marks a new store, checks an existing one, and applies the pending migrations.
     *
     * @param file the store file (exists, possibly empty)
     * @throws StoreException NOT_A_STORE for another application's database, SCHEMA_TOO_NEW for a
     *     newer store, CORRUPT/IO on SQLite errors
     */
    static void migrate(Path file) {
        try (Connection connection = StoreDatabase.connect(file, false)) {
            int applicationId = queryInt(connection, "PRAGMA application_id");
            int objects = queryInt(connection, "SELECT count(*) FROM sqlite_schema");
            int userVersion = queryInt(connection, "PRAGMA user_version");
            if (applicationId == 0 && objects == 0 && userVersion != 0) {
                throw new StoreException(StoreFailure.NOT_A_STORE, file + " is an empty SQLite database of another application"
                        + " (user_version " + userVersion + "; Sealmail never sets it); it was left untouched");
            }
            if (applicationId == 0 && objects == 0) {
                StoreDatabase.execute(connection, "PRAGMA journal_mode = WAL");
                StoreDatabase.execute(connection, "PRAGMA application_id = " + APPLICATION_ID);
            } else if (applicationId != APPLICATION_ID) {
                throw new StoreException(StoreFailure.NOT_A_STORE, file + " is an SQLite database of another application"
                        + " (application_id " + String.format("0x%08X", applicationId) + ", a Sealmail store has "
                        + APPLICATION_ID_HEX + "); it was left untouched");
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file, "checking the store file");
        }
        try {
            MigrationInfo[] migrations = flyway(file, SQLiteConfig.TransactionMode.DEFERRED).info().all();
            refuseNewerSchema(file, migrations);
            if (hasPending(migrations)) {
                flyway(file, SQLiteConfig.TransactionMode.IMMEDIATE).migrate();
            }
        } catch (FlywayException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw SqlErrors.translate(sql, file, "migrating the schema");
            }
            throw new StoreException(StoreFailure.IO, "cannot migrate the schema of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Up to date, opening takes no write lock, so it never waits for another process's write transaction. */
    private static boolean hasPending(MigrationInfo[] migrations) {
        for (MigrationInfo info : migrations) {
            if (info.getState() == MigrationState.PENDING) {
                return true;
            }
        }
        return false;
    }

    private static void refuseNewerSchema(Path file, MigrationInfo[] migrations) {
        String known = null;
        String future = null;
        for (MigrationInfo info : migrations) {
            MigrationState state = info.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                future = info.getVersion().getVersion();
            } else if (state.isResolved() && info.getVersion() != null) {
                known = info.getVersion().getVersion();
            }
        }
        if (future != null) {
            throw new StoreException(StoreFailure.SCHEMA_TOO_NEW, file + " was written by a newer Sealmail (schema version "
                    + future + "; this Sealmail knows up to " + known + "). Upgrade Sealmail to open it; it was left untouched");
        }
    }

    /**
     * @param mode DEFERRED to read the schema history without taking the write lock; IMMEDIATE to
     *     migrate. Flyway takes no lock on SQLite: with BEGIN IMMEDIATE each of its transactions takes
     *     the write lock first (waiting up to the busy timeout), so that a second process migrating at
     *     the same time waits, then re-reads the schema history inside the lock and finds nothing to do
     */
    private static Flyway flyway(Path file, SQLiteConfig.TransactionMode mode) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource(file, mode))
                .locations(LOCATION)
                .load();
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(StoreDatabase.BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setTransactionMode(mode);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
