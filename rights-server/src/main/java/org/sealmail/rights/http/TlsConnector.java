package org.sealmail.rights.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.sealmail.rights.config.ConfigException;

/** The HTTPS connector (TLS 1.2 and 1.3 only) presenting the configured PKCS#12 server key and chain. */
public final class TlsConnector {

    private TlsConnector() {
    }

    /**
     * @param keyStoreFile PKCS#12 file with the server key and chain
     * @param password its password
     * @return the loaded key store
     * @throws ConfigException if it cannot be read
     */
    public static KeyStore load(Path keyStoreFile, char[] password) {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls.keystore: cannot open " + keyStoreFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param server the Jetty server
     * @param base Javalin's HTTP configuration
     * @param keyStore the TLS key store
     * @param password its password
     * @param host the listen address
     * @param port the port (0 for any free one)
     * @return the connector
     */
    public static ServerConnector create(Server server, HttpConfiguration base, KeyStore keyStore, char[] password,
            String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(new String(password));
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(base);
        https.addCustomizer(new SecureRequestCustomizer());
        https.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
