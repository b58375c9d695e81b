package org.sealmail.mailstore.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Nullable values and instants (stored as UTC epoch milliseconds) in JDBC statements and rows. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** Binds a nullable long. */
    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Binds a nullable instant as epoch milliseconds. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        setLong(statement, index, value == null ? null : value.toEpochMilli());
    }

    /** @return the column as a Long, or {@code null} if SQL NULL */
    public static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** @return the column (epoch milliseconds) as an instant, or {@code null} if SQL NULL */
    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        Long millis = getLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** @return the id SQLite gave the row just inserted on this connection */
    public static long lastInsertId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getConnection().createStatement().executeQuery("SELECT last_insert_rowid()")) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
