package org.sealmail.app.rights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.rights.config.ConfigFile;
import org.sealmail.rights.config.RightsServerConfig;
import org.sealmail.rights.http.RightsServer;

/**
 * Starts the real rights server (and key service) of the rights-server module in this JVM on loopback:
 * HTTPS with the test CA's localhost certificate, SQLite in a directory, an SMTP relay given by port
 * (a GreenMail), each with its own key pair in a PKCS#12 file.
 */
final class RightsServers {

    private static final String PASSWORD_ENV = "RIGHTS_TEST_PASSWORD";

    private static CertifiedKey serverKey;
    private static CertifiedKey keyServiceKey;

    private RightsServers() {
    }

    /** @return the rights server's key (RSA 2048, made once per JVM) */
    static synchronized CertifiedKey serverKey() {
        if (serverKey == null) {
            serverKey = TestPki.get().root.issue(EmailCertificateSpec.forAddress("rights-server@example.test",
                    KeyAlgorithm.RSA_2048));
        }
        return serverKey;
    }

    /** @return the key service's key (EC P-256, made once per JVM) */
    static synchronized CertifiedKey keyServiceKey() {
        if (keyServiceKey == null) {
            keyServiceKey = TestPki.get().root.issue(EmailCertificateSpec.forAddress("key-service@example.test",
                    KeyAlgorithm.EC_P256));
        }
        return keyServiceKey;
    }

    /** @return a free TCP port on loopback */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param dir the server's directory (configuration, key stores, SQLite file)
     * @param port its HTTPS port
     * @param smtpPort the plain SMTP port of the relay on 127.0.0.1
     * @return the running rights server, public URL {@code https://localhost:PORT}
     */
    static RightsServer startRightsServer(Path dir, int port, int smtpPort) {
        TestPki.writeP12(dir, "keys", serverKey());
        return start(write(dir.resolve("rights-server.properties"), """
                role = rights-server
                public-url = https://localhost:%d
                listen.port = %d
                tls.keystore = %s
                tls.password-env = %s
                keys.file = keys.p12
                keys.password-env = %s
                smtp.host = 127.0.0.1
                smtp.port = %d
                smtp.security = none
                smtp.from = rights@example.test
                """.formatted(port, port, TestServerTls.get().keyStoreFile().toAbsolutePath(), PASSWORD_ENV, PASSWORD_ENV,
                smtpPort)));
    }

    /**
     * @param dir the key service's directory
     * @param port its HTTPS port
     * @return the running key service, trusting the rights server's key
     */
    static RightsServer startKeyService(Path dir, int port) {
        TestPki.writeP12(dir, "keys", keyServiceKey());
        Path trusted = write(dir.resolve("rights-servers.pem"), pem(serverKey().certificate()));
        return start(write(dir.resolve("key-service.properties"), """
                role = key-service
                listen.port = %d
                tls.keystore = %s
                tls.password-env = %s
                keys.file = keys.p12
                keys.password-env = %s
                key-service.rights-server-certificates = %s
                """.formatted(port, TestServerTls.get().keyStoreFile().toAbsolutePath(), PASSWORD_ENV, PASSWORD_ENV,
                trusted.toAbsolutePath())));
    }

    /** @return the URL of a server on that port */
    static URI url(int port) {
        return URI.create("https://localhost:" + port);
    }

    /**
     * @param dir where to write it
     * @return a PEM file with the test root, the CA of the servers' TLS certificates
     */
    static Path tlsTrust(Path dir) {
        return write(dir.resolve("tls-root.pem"), pem(TestServerTls.get().root()));
    }

    private static RightsServer start(Path config) {
        return RightsServer.start(RightsServerConfig.read(ConfigFile.read(config, Map.of(PASSWORD_ENV, TestServerTls.PASSWORD))),
                Clock.systemUTC());
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
