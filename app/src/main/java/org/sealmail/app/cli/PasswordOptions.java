package org.sealmail.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.FileErrors;
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
     * @throws CryptoException {@link CryptoFailure#IO} if the --pass-file cannot be read
     */
    public char[] password() {
        if (passFile != null) {
            return firstLine(passFile, "--pass-file");
        }
        String variable = passEnv != null ? passEnv : DEFAULT_ENV;
        String value = System.getenv(variable);
        if (value == null) {
            throw new ParameterException(spec.commandLine(),
                    "no password: give --pass-file FILE or set the environment variable " + variable);
        }
        return value.toCharArray();
    }

    /**
     * Reads a password file: its first line, without the line end (LF or CRLF).
     *
     * @param file the file
     * @param option the option that named it, for the error message
     * @return the password
     * @throws CryptoException {@link CryptoFailure#IO} if the file cannot be read
     */
    public static char[] firstLine(Path file, String option) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + option + " " + file + ": " + FileErrors.reason(e), e);
        }
        int end = content.indexOf('\n');
        String line = end >= 0 ? content.substring(0, end) : content;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.toCharArray();
    }
}
