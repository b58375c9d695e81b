package org.sealmail.app.rights;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A profile's online-licensing settings, in {@code <profile>/rights.properties}: {@code rights-server}
 * (the server's public URL, https, no trailing slash), optionally {@code rights-trust} (a PEM file of CA
 * certificates for its TLS certificate; default the system trust store) and {@code key-service} (the
 * organisation's key service: double key encryption for every message sent with online licensing).
 *
 * @param rightsServer the rights server
 * @param trust the CA file for its (and the key service's) TLS certificate, if not the system trust store
 * @param keyService the key service, when double key encryption is on
 */
public record ProfileRightsSettings(URI rightsServer, Optional<Path> trust, Optional<URI> keyService) {

    /** The settings file's name in the profile directory. */
    public static final String FILE_NAME = "rights.properties";

    /** Checks the URLs. */
    public ProfileRightsSettings {
        check(rightsServer, "rights-server");
        keyService.ifPresent(url -> check(url, "key-service"));
    }

    private static void check(URI url, String what) {
        if (!"https".equals(url.getScheme()) || url.getHost() == null || url.toString().endsWith("/")) {
            throw new IllegalArgumentException(what + " " + url + ": expected an https URL without trailing slash");
        }
    }

    /**
     * @param profileDirectory the profile directory
     * @return the settings, empty when the profile has no rights server
     * @throws IllegalArgumentException naming the file if it is unreadable or holds a bad URL
     */
    public static Optional<ProfileRightsSettings> read(Path profileDirectory) {
        Path file = profileDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String server = properties.getProperty("rights-server");
        if (server == null || server.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProfileRightsSettings(new URI(server.trim()),
                    Optional.ofNullable(properties.getProperty("rights-trust")).map(String::trim).map(Path::of),
                    Optional.ofNullable(properties.getProperty("key-service")).map(String::trim).map(URI::create)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the settings into the profile.
     *
     * @param profileDirectory the profile directory
     */
    public void write(Path profileDirectory) {
        Properties properties = new Properties();
        properties.setProperty("rights-server", rightsServer.toString());
        trust.ifPresent(file -> properties.setProperty("rights-trust", file.toAbsolutePath().toString()));
        keyService.ifPresent(url -> properties.setProperty("key-service", url.toString()));
        try (Writer writer = Files.newBufferedWriter(profileDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "Sealmail online licensing (docs/rights-server-api.md)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + profileDirectory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }
}
