package org.sealmail.app.cli.mail;

import java.nio.file.Path;
import java.util.Optional;
import org.sealmail.app.cli.PasswordOptions;
import picocli.CommandLine.Option;

/**
 * Where mail commands take secrets from: the account's password ({@code --pass-file} /
 * {@code --pass-env}) and the master password of the profile's password file
 * ({@code --master-pass-file} / {@code SEALMAIL_MASTER_PASSWORD}), when there is no OS keyring.
 * Never as plain arguments.
 */
public final class MailPasswordOptions {

    /** Environment variable with the master password of the profile's password file. */
    public static final String MASTER_ENV = "SEALMAIL_MASTER_PASSWORD";

    @Option(names = "--pass-file", paramLabel = "FILE", description = "File whose first line is the account's password.")
    Path passFile;

    @Option(names = "--pass-env", paramLabel = "VAR", description = "Environment variable holding the account's password.")
    String passEnv;

    @Option(names = "--master-pass-file", paramLabel = "FILE", description = "File whose first line is the master password"
            + " of the profile's password file (default: $" + MASTER_ENV + "; with either, the OS keyring is not used).")
    Path masterPassFile;

    /**
     * @param masterPassFile the master password file, or null for the environment variable or the OS keyring
     * @return options without an account password (stored passwords are used)
     */
    public static MailPasswordOptions storedPasswords(Path masterPassFile) {
        MailPasswordOptions options = new MailPasswordOptions();
        options.masterPassFile = masterPassFile;
        return options;
    }

    /** @return the account password given on this command line, if any */
    public Optional<char[]> accountPassword() {
        if (passFile != null) {
            return Optional.of(PasswordOptions.firstLine(passFile, "--pass-file"));
        }
        if (passEnv != null) {
            String value = System.getenv(passEnv);
            if (value == null) {
                throw new IllegalArgumentException("the environment variable " + passEnv + " is not set");
            }
            return Optional.of(value.toCharArray());
        }
        return Optional.empty();
    }

    /** @return the master password given by option or environment, if any */
    public Optional<char[]> masterPassword() {
        if (masterPassFile != null) {
            return Optional.of(PasswordOptions.firstLine(masterPassFile, "--master-pass-file"));
        }
        String value = System.getenv(MASTER_ENV);
        return value == null ? Optional.empty() : Optional.of(value.toCharArray());
    }
}
