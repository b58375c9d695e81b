package org.sealmail.rights.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.rights.config.ConfigFile;
import org.sealmail.rights.config.RightsServerConfig;
import org.sealmail.rights.http.RightsServer;

/**
 * Writes a configuration file for a test server (rights server or key service) in a directory and
 * starts it on loopback with the test TLS certificate.
 */
public final class RightsServerFixture {

    private RightsServerFixture() {
    }

    /** @return a free TCP port on loopback */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code rights-server.properties} for the rights-server role.
     *
     * @param dir the directory (key stores and the SQLite file go there too)
     * @param port the HTTPS port
     * @param smtpPort the SMTP relay port on 127.0.0.1 (plain: a loopback GreenMail)
     * @param keys the server's keys, current first
     * @param extra extra or overriding settings
     * @return the configuration file
     */
    public static Path writeRightsConfig(Path dir, int port, int smtpPort, List<CertifiedKey> keys, String extra) {
        TestTls.writePkcs12(dir.resolve("tls.p12"), List.of(TestTls.localhost()));
        TestTls.writePkcs12(dir.resolve("keys.p12"), keys);
        String text = """
                role = rights-server
                public-url = https://localhost:%d
                listen.port = %d
                tls.keystore = tls.p12
                tls.password-env = RIGHTS_TEST_PASSWORD
                keys.file = keys.p12
                keys.password-env = RIGHTS_TEST_PASSWORD
                keys.current = %s
                smtp.host = 127.0.0.1
                smtp.port = %d
                smtp.security = none
                smtp.from = rights@example.test
                """.formatted(port, port, keys.get(0).alias(), smtpPort) + extra;
        return write(dir.resolve("rights-server.properties"), text);
    }

    /**
     * Writes {@code key-service.properties}.
     *
     * @param dir the directory
     * @param port the HTTPS port
     * @param key the key service's key
     * @param trustedRightsServers PEM file of the rights-server certificates it trusts
     * @return the configuration file
     */
    public static Path writeKeyServiceConfig(Path dir, int port, CertifiedKey key, Path trustedRightsServers) {
        TestTls.writePkcs12(dir.resolve("tls.p12"), List.of(TestTls.localhost()));
        TestTls.writePkcs12(dir.resolve("key-service-keys.p12"), List.of(key));
        return write(dir.resolve("key-service.properties"), """
                role = key-service
                listen.port = %d
                tls.keystore = tls.p12
                tls.password-env = RIGHTS_TEST_PASSWORD
                keys.file = key-service-keys.p12
                keys.password-env = RIGHTS_TEST_PASSWORD
                key-service.rights-server-certificates = %s
                """.formatted(port, trustedRightsServers.toAbsolutePath()));
    }

    /**
     * @param config the configuration file
     * @param clock the server's clock
     * @return the running server
     */
    public static RightsServer start(Path config, Clock clock) {
        return RightsServer.start(RightsServerConfig.read(ConfigFile.read(config, Map.of("RIGHTS_TEST_PASSWORD", TestTls.PASSWORD))),
                clock);
    }

    /**
     * @param config settings text
     * @return them parsed, for configuration tests
     */
    public static Properties properties(String config) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(config)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
