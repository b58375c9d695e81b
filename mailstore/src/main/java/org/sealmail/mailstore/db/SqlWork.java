package org.sealmail.mailstore.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work on a store connection, run inside a transaction by {@link StoreDatabase}.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {

    /**
     * @param connection the connection, already inside a transaction; never commit or close it
     * @return the result
     * @throws SQLException on any SQL error (the transaction is then rolled back)
     */
    T run(Connection connection) throws SQLException;
}
