package org.sealmail.rights.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@code key = value} configuration file (java.util.Properties syntax, UTF-8) read with typed
 * getters; every error names the file and the key. Relative paths are resolved against the
 * file's directory. Secrets are never in the file itself: {@code NAME-file} names a file
 * holding it, {@code NAME-env} an environment variable.
 */
public final class ConfigFile {

    private final Path file;
    private final Properties properties;
    private final Map<String, String> environment;

    private ConfigFile(Path file, Properties properties, Map<String, String> environment) {
        this.file = file;
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * @param file the configuration file
     * @param environment the environment variables for {@code *-env} secrets
     * @return the parsed file
     * @throws ConfigException if it cannot be read
     */
    public static ConfigFile read(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + org.sealmail.crypto.FileErrors.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return new ConfigFile(file.toAbsolutePath(), properties, environment);
    }

    /**
     * @param file where the settings notionally live (for relative paths and messages)
     * @param properties the settings
     * @param environment the environment variables for {@code *-env} secrets
     * @return a configuration over them
     */
    public static ConfigFile of(Path file, Properties properties, Map<String, String> environment) {
        return new ConfigFile(file.toAbsolutePath(), properties, environment);
    }

    /** @return the file's directory */
    public Path directory() {
        return file.getParent();
    }

    /** @return the value of {@code key}, trimmed, empty if absent or blank */
    public Optional<String> optional(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** @return the value of {@code key} or {@code fallback} */
    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    /** @throws ConfigException if {@code key} is missing */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(file + ": setting '" + key + "' is required"));
    }

    /** @throws ConfigException if the value is not an integer in [min, max] */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                throw new ConfigException(file + ": setting '" + key + "' = " + number + " is outside " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": setting '" + key + "' = '" + value.get() + "' is not a whole number", e);
        }
    }

    /** @return the path in {@code key}, resolved against the file's directory */
    public Optional<Path> path(String key) {
        return optional(key).map(value -> directory().resolve(value).normalize());
    }

    /**
     * Reads the secret named by {@code prefix + "-file"} (the file's first line) or {@code prefix + "-env"}.
     *
     * @param prefix e.g. {@code tls.password}
     * @return the secret, empty if neither is set
     * @throws ConfigException if the file cannot be read or the variable is unset
     */
    public Optional<char[]> secret(String prefix) {
        Optional<Path> secretFile = path(prefix + "-file");
        if (secretFile.isPresent()) {
            try {
                String text = Files.readString(secretFile.get(), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                return Optional.of((end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray());
            } catch (IOException e) {
                throw new ConfigException(file + ": setting '" + prefix + "-file': cannot read " + secretFile.get()
                        + ": " + e.getMessage(), e);
            }
        }
        Optional<String> variable = optional(prefix + "-env");
        if (variable.isPresent()) {
            String value = environment.get(variable.get());
            if (value == null) {
                throw new ConfigException(file + ": setting '" + prefix + "-env' names environment variable "
                        + variable.get() + ", which is not set");
            }
            return Optional.of(value.toCharArray());
        }
        return Optional.empty();
    }

    /** @return a message prefix naming the file and key */
    public String where(String key) {
        return file + ": setting '" + key + "'";
    }
}
