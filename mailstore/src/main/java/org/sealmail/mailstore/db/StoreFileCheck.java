package org.sealmail.mailstore.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/**
 * Checks what lies at the store path before SQLite touches it, so that a file that is not a
 * Sealmail store is refused with a clear message and never written, truncated or replaced.
 */
final class StoreFileCheck {

    /** The first 16 bytes of every SQLite 3 database (https://sqlite.org/fileformat.html §1.3). */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreFileCheck() {
    }

    /**
     * @param file the store path
     * @return true if there is no store yet (no file, or an empty file, which holds no data)
     * @throws StoreException NOT_A_STORE if a file is there that does not begin with the SQLite
     *     header, or the path is a directory; IO if it cannot be read
     */
    static boolean isNew(Path file) {
        if (!Files.exists(file)) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreFailure.NOT_A_STORE, file + " is not a regular file; it cannot be the Sealmail store");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            if (header.length == 0) {
                return true;
            }
            if (!Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(StoreFailure.NOT_A_STORE, file
                        + " is not an SQLite database (it does not start with the SQLite header); it was left untouched."
                        + " Move it away or choose another profile with --profile DIR");
            }
            return false;
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
