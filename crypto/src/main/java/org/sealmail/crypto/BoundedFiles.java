package org.sealmail.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small configuration files (rules, templates, branding, logos) whole, but never more than a
 * bound: a file named by mistake ({@code /dev/zero}, a disk image) is refused with a clear error
 * instead of exhausting memory. Devices and pipes are read up to the bound too, so the size the
 * file system reports is not trusted.
 */
public final class BoundedFiles {

    /** The bound for text configuration files: 1 MiB. */
    public static final int TEXT_LIMIT = 1 << 20;

    private BoundedFiles() {
    }

    /**
     * @param file the file
     * @param maxBytes the most bytes it may have
     * @return its bytes
     * @throws IOException if it cannot be read, or (with a message naming the bound) if it has more than {@code maxBytes}
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("larger than " + maxBytes + " bytes, the most such a file may have");
            }
            return bytes;
        }
    }
}
