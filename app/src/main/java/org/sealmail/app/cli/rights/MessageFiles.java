package org.sealmail.app.cli.rights;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Reads and writes the message files of {@code sealmail protect} and {@code sealmail open},
 * turning file-system errors into one {@link CryptoFailure#IO} line that names the file and what
 * was wrong with it.
 */
final class MessageFiles {

    private MessageFiles() {
    }

    /**
     * @param file the file to read
     * @return its bytes
     * @throws CryptoException {@link CryptoFailure#IO} if it is missing or unreadable
     */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "message file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes (or replaces) a file.
     *
     * @param file the file to write
     * @param bytes its new content
     * @throws CryptoException {@link CryptoFailure#IO} if its directory is missing or it cannot be written
     */
    static void write(Path file, byte[] bytes) {
        org.sealmail.app.cli.MessageFiles.write(file, bytes);
    }
}
