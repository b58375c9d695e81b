package org.sealmail.mailstore.db;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/** Turns SQLite error codes (https://sqlite.org/rescode.html) into clear {@link StoreException}s. */
final class SqlErrors {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_NOTADB = 26;

    private SqlErrors() {
    }

    /**
     * @param e the SQL error
     * @param file the store file it happened on
     * @param doing what was being done, e.g. "adding a message to folder Inbox"
     * @return the store exception to throw
     */
    static StoreException translate(SQLException e, Path file, String doing) {
        int primary = e.getErrorCode() & 0xff;
        String detail = e.getMessage();
        return switch (primary) {
            case SQLITE_NOTADB -> new StoreException(StoreFailure.NOT_A_STORE,
                    file + " is not an SQLite database (or is encrypted); it was left untouched", e);
            case SQLITE_CORRUPT -> new StoreException(StoreFailure.CORRUPT,
                    file + " is corrupt (" + detail + ") while " + doing + "; it was left untouched", e);
            case SQLITE_READONLY -> new StoreException(StoreFailure.READ_ONLY,
                    file + " is read-only: cannot write while " + doing, e);
            case SQLITE_CANTOPEN -> new StoreException(StoreFailure.READ_ONLY,
                    "cannot open " + file + " for writing (" + detail + ")", e);
            case SQLITE_CONSTRAINT -> new StoreException(StoreFailure.REFUSED,
                    "refused while " + doing + ": " + detail, e);
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreException(StoreFailure.BUSY,
                    file + " is locked by another process while " + doing, e);
            default -> new StoreException(StoreFailure.IO, "store " + file + ": SQL error while " + doing + ": " + detail, e);
        };
    }
}
