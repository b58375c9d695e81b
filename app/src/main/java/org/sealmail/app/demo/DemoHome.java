package org.sealmail.app.demo;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/**
 * The demo's directory: {@code pki/} (demo CA and keys), {@code alice/} and {@code bob/} (their
 * profiles). Checked before anything is made, so a read-only place gets one clear sentence.
 */
public final class DemoHome {

    private DemoHome() {
    }

    /**
     * Creates the directory if needed and checks that files can be made in it.
     *
     * @param home the demo directory
     * @return the directory
     * @throws StoreException {@link StoreFailure#READ_ONLY} if it is a file, cannot be created or cannot be written
     */
    public static Path prepare(Path home) {
        if (Files.exists(home) && !Files.isDirectory(home)) {
            throw new StoreException(StoreFailure.READ_ONLY, "the demo directory " + home + " is a file, not a directory;"
                    + " give another with --home DIR");
        }
        try {
            Files.createDirectories(home);
            Path probe = Files.createTempFile(home, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.READ_ONLY, "the demo directory " + home + " cannot be written ("
                    + reason(e) + "); give another with --home DIR", e);
        }
        return home;
    }

    /**
     * @return a new directory under the system's temporary directory
     * @throws StoreException READ_ONLY if none can be made
     */
    public static Path temporary() {
        try {
            return Files.createTempDirectory("sealmail-demo");
        } catch (IOException e) {
            throw new StoreException(StoreFailure.READ_ONLY, "cannot make a temporary demo directory (" + reason(e)
                    + "); give one with --home DIR", e);
        }
    }

    /**
     * Deletes a directory tree the demo made (best effort: what cannot be deleted stays).
     *
     * @param directory the directory
     * @return whether it is gone
     */
    public static boolean delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind; reported through the return value
                }
            });
        } catch (IOException e) {
            return false;
        }
        return !Files.exists(directory);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }
}
