package org.sealmail.mailstore.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the profile directory, where the store, the password file and the rest of a user's data
 * live. In order of precedence: the {@code --profile DIR} option, the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, then the operating system's per-user data directory:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/sealmail}, or {@code ~/.local/share/sealmail}
 *       when XDG_DATA_HOME is unset or not absolute (XDG Base Directory Specification 0.8);</li>
 *   <li>Windows: {@code %APPDATA%\Sealmail} (falls back to {@code ~\AppData\Roaming\Sealmail});</li>
 *   <li>macOS: {@code ~/Library/Application Support/Sealmail}.</li>
 * </ul>
 */
public final class ProfileLocation {

    /** The environment variable naming the profile directory. */
    public static final String ENVIRONMENT_VARIABLE = "SEALMAIL_HOME";

    private final Map<String, String> environment;
    private final String osName;
    private final Path userHome;

    /**
     * @param environment the process environment (usually {@link System#getenv()})
     * @param osName the value of the {@code os.name} system property
     * @param userHome the user's home directory ({@code user.home})
     */
    public ProfileLocation(Map<String, String> environment, String osName, Path userHome) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
        this.userHome = userHome;
    }

    /** @return the location as seen by this process (its environment and system properties) */
    public static ProfileLocation ofThisProcess() {
        return new ProfileLocation(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param option the {@code --profile} option, if given
     * @return the profile directory (absolute; not created here)
     */
    public Path resolve(Optional<Path> option) {
        if (option.isPresent()) {
            return option.get().toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return operatingSystemDefault();
    }

    /** @return the operating system's default data directory for Sealmail */
    public Path operatingSystemDefault() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Sealmail");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Sealmail");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("sealmail");
        }
        return userHome.resolve(".local").resolve("share").resolve("sealmail");
    }
}
