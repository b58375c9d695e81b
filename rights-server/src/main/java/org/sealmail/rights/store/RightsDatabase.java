package org.sealmail.rights.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sealmail.rights.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: SQLite (file, WAL, immediate write transactions) by default or
 * PostgreSQL for several instances, through a pooled JDBC {@link DataSource}; the schema is
 * migrated by Flyway from {@code db/migration} (the same SQL for both).
 */
public final class RightsDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RightsDatabase.class);

    private final HikariDataSource dataSource;

    private RightsDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the database and migrates its schema.
     *
     * @param url JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...})
     * @param user login, if any
     * @param password password, if any
     * @param poolSize connections kept
     * @return the open database
     * @throws ConfigException if it cannot be reached or migrated
     */
    public static RightsDatabase open(String url, Optional<String> user, Optional<char[]> password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(secret -> config.setPassword(new String(secret)));
        config.setPoolName("rights-db");
        if (url.startsWith("jdbc:sqlite:")) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(Math.min(poolSize, 4));
        } else {
            config.setMaximumPoolSize(poolSize);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot open database " + redacted(url) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new ConfigException("cannot migrate database " + redacted(url) + ": " + e.getMessage(), e);
        }
        LOG.info("database {} ready", redacted(url));
        return new RightsDatabase(dataSource);
    }

    /** @return the pooled data source */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * @return a pooled connection (auto-commit)
     * @throws SQLException if none can be had
     */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
