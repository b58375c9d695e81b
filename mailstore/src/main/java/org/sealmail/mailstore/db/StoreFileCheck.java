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

    /** Offset of the page size in the header: 2 bytes, big endian, 1 meaning 65536. */
    private static final int PAGE_SIZE_OFFSET = 16;

    private StoreFileCheck() {
    }

    /**
     * @param file the store path
     * @return true if there is no store yet (no file, or an empty file, which holds no data)
     * @throws StoreException NOT_A_STORE if a file is there that does not begin with the SQLite
     *     header, or the path is a directory; CORRUPT if its page size is invalid or its length is
     *     not a whole number of pages (SQLite only ever writes whole pages: the file was cut short
     *     or appended to); IO if it cannot be read
     */
    static boolean isNew(Path file) {
        if (!Files.exists(file)) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreFailure.NOT_A_STORE, file + " is not a regular file; it cannot be the Sealmail store");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(PAGE_SIZE_OFFSET + 2);
            if (header.length == 0) {
                return true;
            }
            if (header.length < SQLITE_HEADER.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
                throw new StoreException(StoreFailure.NOT_A_STORE, file
                        + " is not an SQLite database (it does not start with the SQLite header); it was left untouched."
                        + " Move it away or choose another profile with --profile DIR");
            }
            checkWholePages(file, header);
            return false;
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkWholePages(Path file, byte[] header) throws IOException {
        int field = header.length < PAGE_SIZE_OFFSET + 2 ? 0
                : (header[PAGE_SIZE_OFFSET] & 0xff) << 8 | header[PAGE_SIZE_OFFSET + 1] & 0xff;
        int pageSize = field == 1 ? 65_536 : field;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new StoreException(StoreFailure.CORRUPT, file + " is corrupt: its header gives the page size " + field
                    + ", not a power of two from 512 to 65536; it was left untouched");
        }
        long size = Files.size(file);
        if (size % pageSize != 0) {
            throw new StoreException(StoreFailure.CORRUPT, file + " is corrupt: its " + size + " bytes are not a whole number of "
                    + pageSize + "-byte pages (cut short or appended to); it was left untouched");
        }
    }
}
