package org.sealmail.policy.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies the example rules file and the files it names into a directory. */
public final class RulesFiles {

    /** The files of {@code rules/example/}. */
    public static final List<String> EXAMPLE = List.of("contoso.rules", "contoso.branding", "contoso-logo.png",
            "legal.template");

    private RulesFiles() {
    }

    /** @return the path of the copied {@code contoso.rules} */
    public static Path copyExample(Path directory) {
        try {
            for (String name : EXAMPLE) {
                try (InputStream in = RulesFiles.class.getResourceAsStream("/rules/example/" + name)) {
                    Files.write(directory.resolve(name), in.readAllBytes());
                }
            }
            return directory.resolve("contoso.rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of the example rules file */
    public static String exampleText() {
        try (InputStream in = RulesFiles.class.getResourceAsStream("/rules/example/contoso.rules")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
