package org.sealmail.rights.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration of one server process (docs/rights-server.md lists every key and its default).
 *
 * @param role what this process serves
 * @param publicUrl the URL clients and publishing licenses name (https, no trailing slash); rights-server role
 * @param host the address to listen on (default 127.0.0.1)
 * @param port the HTTPS port (default 8443)
 * @param tlsKeyStore the PKCS#12 file with the TLS server key and chain
 * @param tlsPassword its password
 * @param databaseUrl JDBC URL (default {@code jdbc:sqlite:<config dir>/rights-server.db}); rights-server role
 * @param databaseUser database login, if any
 * @param databasePassword its password, if any
 * @param poolSize JDBC connections kept (default 8)
 * @param keys the service's own key pairs
 * @param smtp the passcode relay; rights-server role
 * @param passcodes passcode policy
 * @param sessionTtl how long a recipient session lasts (default 480 minutes)
 * @param maxClockSkew accepted |now - iat| of sender requests (default 300 s)
 * @param maxContentBytes largest blob accepted at registration (default 25 MiB)
 * @param trustedRightsServers PEM file of the rights-server key certificates a key service accepts; key-service role
 */
public record RightsServerConfig(Role role, Optional<URI> publicUrl, String host, int port, Path tlsKeyStore,
        char[] tlsPassword, String databaseUrl, Optional<String> databaseUser, Optional<char[]> databasePassword,
        int poolSize, KeyStoreSettings keys, Optional<SmtpSettings> smtp, PasscodePolicy passcodes, Duration sessionTtl,
        Duration maxClockSkew, int maxContentBytes, Optional<Path> trustedRightsServers) {

    /**
     * @param config the configuration file
     * @return the configuration
     * @throws ConfigException naming the file and key of the first missing or invalid setting
     */
    public static RightsServerConfig read(ConfigFile config) {
        String roleName = config.string("role", "rights-server").toLowerCase(Locale.ROOT);
        Role role = switch (roleName) {
            case "rights-server" -> Role.RIGHTS_SERVER;
            case "key-service" -> Role.KEY_SERVICE;
            default -> throw new ConfigException(config.where("role") + " = " + roleName + ": expected rights-server or key-service");
        };
        boolean rights = role == Role.RIGHTS_SERVER;
        Optional<URI> publicUrl = rights ? Optional.of(publicUrl(config)) : Optional.empty();
        Path tls = config.path("tls.keystore").orElseThrow(() -> new ConfigException(config.where("tls.keystore")
                + " is required (PKCS#12 with the TLS server key)"));
        char[] tlsPassword = config.secret("tls.password").orElseThrow(() -> new ConfigException(
                config.where("tls.password-file") + " or 'tls.password-env' is required"));
        return new RightsServerConfig(role, publicUrl,
                config.string("listen.host", "127.0.0.1"), config.integer("listen.port", 8443, 0, 65535), tls, tlsPassword,
                config.string("database.url", "jdbc:sqlite:" + config.directory().resolve("rights-server.db")),
                config.optional("database.user"), config.secret("database.password"),
                config.integer("database.pool-size", 8, 1, 200), KeyStoreSettings.read(config),
                rights ? Optional.of(SmtpSettings.read(config)) : Optional.empty(), PasscodePolicy.read(config),
                Duration.ofMinutes(config.integer("session.ttl-minutes", 480, 1, 7 * 24 * 60)),
                Duration.ofSeconds(config.integer("request.max-skew-seconds", 300, 10, 3600)),
                config.integer("registration.max-content-bytes", 25 * 1024 * 1024, 1024, Integer.MAX_VALUE - 1),
                rights ? Optional.empty() : Optional.of(config.path("key-service.rights-server-certificates").orElseThrow(
                        () -> new ConfigException(config.where("key-service.rights-server-certificates")
                                + " is required with role = key-service"))));
    }

    private static URI publicUrl(ConfigFile config) {
        String text = config.required("public-url");
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || text.endsWith("/") || uri.getQuery() != null) {
                throw new ConfigException(config.where("public-url") + " = " + text
                        + ": expected an https URL without trailing slash or query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(config.where("public-url") + " = " + text + " is not a URL: " + e.getMessage(), e);
        }
    }

    /** @return the environment variables of this process, for {@link ConfigFile#read} */
    public static Map<String, String> environment() {
        return System.getenv();
    }
}
