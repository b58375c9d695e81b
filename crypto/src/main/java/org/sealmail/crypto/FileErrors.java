package org.sealmail.crypto;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an {@link IOException} from {@code java.nio.file} into the reason a person can act on:
 * the JDK's own messages for these exceptions are only the path again ("/x/y.eml: /x/y.eml").
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * The reason a file could not be written: as {@link #reason(IOException)}, but a missing
     * directory is named as such.
     *
     * @param target the file that was to be written
     * @param e the failure
     * @return a short lower-case reason, e.g. "the directory /x does not exist"
     */
    public static String writeReason(Path target, IOException e) {
        Path parent = target.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return "the directory " + parent + " does not exist";
        }
        if (Files.isDirectory(target)) {
            return target + " is a directory";
        }
        return reason(e);
    }

    /**
     * @param e an I/O failure
     * @return a short lower-case reason such as "no such file or directory" or "permission
     *     denied", without the path; the exception's own message for other failures
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a path component is not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "the file already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "it is a directory that is not empty";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
