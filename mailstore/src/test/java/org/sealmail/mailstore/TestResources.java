package org.sealmail.mailstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test material copied under src/test/resources (each folder with its SOURCE.md). */
public final class TestResources {

    private TestResources() {
    }

    /** @return the path of a test resource */
    public static Path path(String name) {
        try {
            var url = TestResources.class.getResource("/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the bytes of a test resource */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared corpus beside the clone (CI has a copy at ../shared), seen from the module directory.
     *
     * @return the corpus file, if present
     */
    public static java.util.Optional<Path> sharedCorpus(String relative) {
        // tests run in the module directory: the clone's parent holds shared/
        Path file = Path.of("../../shared/corpus").resolve(relative);
        return Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
    }
}
