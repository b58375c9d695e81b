package org.sealmail.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command takes a key store password from: a file ({@code --pass-file}, first line) or
 * an environment variable ({@code --pass-env}, default {@code SEALMAIL_PASSWORD}). Never from
 * an argument, which other users could read in the process list.
 */
public final class PasswordOptions {

    /** The environment variable read when no option is given. */
    public static final String DEFAULT_ENV = "SEALMAIL_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--pass-file", paramLabel = "FILE", description = "File whose first line is the key store password.")
    Path passFile;

    @Option(names = "--pass-env", paramLabel = "VAR",
            description = "Environment variable holding the key store password (default: " + DEFAULT_ENV + ").")
    String passEnv;

    /**
     * @return the password
     * @throws ParameterException if neither source gives one
     */
    public char[] password() {
        if (passFile != null) {
            try {
                String content = Files.readString(passFile, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String line = end >= 0 ? content.substring(0, end) : content;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --pass-file " + passFile + ": " + e.getMessage());
            }
        }
        String variable = passEnv != null ? passEnv : DEFAULT_ENV;
        String value = System.getenv(variable);
        if (value == null) {
            throw new ParameterException(spec.commandLine(),
                    "no password: give --pass-file FILE or set the environment variable " + variable);
        }
        return value.toCharArray();
    }
}
