package org.sealmail.mailstore.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The connections to one store file, in SQLite's WAL mode (https://sqlite.org/wal.html): one
 * writer connection, used by one thread at a time, and a few reader connections. Readers never
 * wait for the writer and the writer never waits for readers; a second writer (another thread, or
 * another process such as the CLI) waits for the current write transaction to end, up to
 * {@link #BUSY_TIMEOUT_MILLIS}.
 *
 * <p>Every {@link #write} is one transaction ({@code BEGIN IMMEDIATE ... COMMIT}), rolled back on
 * any exception; a write called inside another write on the same thread joins it. Every
 * {@link #read} runs in a read transaction and sees one consistent snapshot.
 */
public final class StoreDatabase implements AutoCloseable {

    /** How long a writer waits for another process's write transaction, in milliseconds. */
    public static final int BUSY_TIMEOUT_MILLIS = 15_000;

    private static final int MAX_READERS = 4;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new LinkedBlockingQueue<>();
    private final List<Connection> readers = new ArrayList<>();
    private volatile boolean closed;

    private StoreDatabase(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the writer connection of an existing, already migrated store file.
     *
     * @param file the store file
     * @return the database
     * @throws StoreException if SQLite cannot open it
     */
    static StoreDatabase open(Path file) {
        try {
            return new StoreDatabase(file, connect(file, false));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file, "opening the store");
        }
    }

    /** @return the store file */
    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in a write transaction; joins the caller's transaction if this thread is
     * already inside {@link #write}.
     *
     * @param work the work
     * @param doing what is being done, for error messages ("adding a message")
     * @param <T> the result type
     * @return what {@code work} returned, after the commit
     * @throws StoreException with the SQL error translated; the transaction is rolled back
     */
    public <T> T write(String doing, SqlWork<T> work) {
        checkOpen();
        writeLock.lock();
        try {
            if (writeLock.getHoldCount() > 1) {
                return work.run(writer);
            }
            execute(writer, "BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(writer);
                execute(writer, "COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file, doing);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} in a read transaction on a reader connection, or on the writer's if this
     * thread is inside {@link #write} (so it sees its own uncommitted writes).
     *
     * @param doing what is being done, for error messages
     * @param work the work (must not write)
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws StoreException with the SQL error translated
     */
    public <T> T read(String doing, SqlWork<T> work) {
        checkOpen();
        if (writeLock.isHeldByCurrentThread()) {
            try {
                return work.run(writer);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, file, doing);
            }
        }
        Connection reader = borrowReader();
        try {
            execute(reader, "BEGIN");
            try {
                return work.run(reader);
            } finally {
                execute(reader, "COMMIT");
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file, doing);
        } finally {
            idleReaders.add(reader);
        }
    }

    /** Closes every connection; the WAL is checkpointed into the main file by SQLite on the last close. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (readers) {
            for (Connection reader : readers) {
                closeQuietly(reader);
            }
        }
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection borrowReader() {
        Connection reader = idleReaders.poll();
        if (reader != null) {
            return reader;
        }
        synchronized (readers) {
            if (readers.size() < MAX_READERS) {
                try {
                    Connection created = connect(file, true);
                    readers.add(created);
                    return created;
                } catch (SQLException e) {
                    throw SqlErrors.translate(e, file, "opening a reader connection");
                }
            }
        }
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreFailure.IO, "interrupted while waiting for a reader connection to " + file, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException(StoreFailure.IO, "the store " + file + " is closed");
        }
    }

    private void rollbackQuietly() {
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException e) {
            // no transaction active (SQLite already rolled back, e.g. after SQLITE_FULL): nothing to undo
        }
    }

    /**
     * Opens a connection with the store's settings: foreign keys on, WAL, synchronous NORMAL (a
     * committed transaction survives a crash of the process; a power cut may lose the last few but
     * never corrupts), busy timeout, a page cache of 32 MiB (writer) or 8 MiB (readers), and never
     * creating a file that is missing.
     */
    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setCacheSize(readOnly ? -8 * 1024 : -32 * 1024);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        if (readOnly) {
            config.resetOpenMode(SQLiteOpenMode.READWRITE);
            config.setOpenMode(SQLiteOpenMode.READONLY);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to do with it
        }
    }
}
