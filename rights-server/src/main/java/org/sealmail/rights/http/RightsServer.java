package org.sealmail.rights.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.security.KeyStore;
import java.time.Clock;
import java.util.function.Consumer;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.rights.auth.SenderRequestVerifier;
import org.sealmail.rights.config.RightsServerConfig;
import org.sealmail.rights.config.Role;
import org.sealmail.rights.dke.KeyService;
import org.sealmail.rights.dke.KeyServiceRoutes;
import org.sealmail.rights.keys.ServerKeyRing;
import org.sealmail.rights.keys.ServerKeyStores;
import org.sealmail.rights.passcode.PasscodeMailer;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.reader.WebReaderRoutes;
import org.sealmail.rights.service.RecipientService;
import org.sealmail.rights.service.SenderService;
import org.sealmail.rights.store.AccessLogRepository;
import org.sealmail.rights.store.MessageRepository;
import org.sealmail.rights.store.PasscodeRepository;
import org.sealmail.rights.store.RequestNonceRepository;
import org.sealmail.rights.store.RightsDatabase;
import org.sealmail.rights.store.SessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server process, in the rights-server or key-service role, on Javalin (Jetty 12)
 * behind an HTTPS-only connector. The composition root: it opens the database and key store
 * and wires the services to the routes.
 */
public final class RightsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RightsServer.class);

    private final Javalin javalin;
    private final RightsDatabase database;

    private RightsServer(Javalin javalin, RightsDatabase database) {
        this.javalin = javalin;
        this.database = database;
    }

    /**
     * Starts a server.
     *
     * @param config the configuration
     * @param clock the time source
     * @return the running server
     * @throws org.sealmail.rights.config.ConfigException if the key stores, database or port cannot be used
     */
    public static RightsServer start(RightsServerConfig config, Clock clock) {
        ServerKeyRing keys = ServerKeyStores.load(config.keys());
        KeyStore tls = TlsConnector.load(config.tlsKeyStore(), config.tlsPassword());
        RightsDatabase database = null;
        Consumer<JavalinConfig> routes;
        if (config.role() == Role.RIGHTS_SERVER) {
            database = RightsDatabase.open(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.poolSize());
            String publicUrl = config.publicUrl().orElseThrow().toString();
            MessageRepository messages = new MessageRepository(database);
            AccessLogRepository accessLog = new AccessLogRepository(database);
            SenderService senders = new SenderService(clock, config.publicUrl().get(), keys, messages, accessLog,
                    new SenderRequestVerifier(clock, config.maxClockSkew(), new RequestNonceRepository(database)),
                    config.maxContentBytes());
            RecipientService recipients = new RecipientService(clock, config.publicUrl().get(), keys, messages,
                    new PasscodeRepository(database), new SessionRepository(database), accessLog,
                    new PasscodeMailer(config.smtp().orElseThrow()), config.passcodes(), config.sessionTtl());
            ApiRoutes api = new ApiRoutes(clock, publicUrl, keys, senders, recipients);
            WebReaderRoutes reader = new WebReaderRoutes(clock, recipients, config.sessionTtl());
            routes = javalinConfig -> {
                api.addTo(javalinConfig.routes);
                reader.addTo(javalinConfig.routes);
            };
        } else {
            KeyService service = new KeyService(clock, keys, CertificateFiles.read(config.trustedRightsServers().orElseThrow()));
            KeyServiceRoutes api = new KeyServiceRoutes(service, keys);
            routes = javalinConfig -> api.addTo(javalinConfig.routes);
        }
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.http.maxRequestSize = (long) config.maxContentBytes() * 4 / 3 + 1024 * 1024;
            javalinConfig.jetty.addConnector((server, http) -> TlsConnector.create(server, http, tls, config.tlsPassword(),
                    config.host(), config.port()));
            javalinConfig.routes.before(ctx -> ctx.header("Strict-Transport-Security", "max-age=31536000"));
            routes.accept(javalinConfig);
            javalinConfig.routes.exception(RightsProblem.class, (problem, ctx) -> HttpResponses.problem(ctx, problem));
            javalinConfig.routes.exception(Exception.class, (error, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
                HttpResponses.problem(ctx, new RightsProblem(ProblemReason.INTERNAL,
                        "the server could not complete this request; see its log"));
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw new org.sealmail.rights.config.ConfigException("cannot listen on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("{} listening on https://{}:{}", config.role() == Role.RIGHTS_SERVER ? "rights server" : "key service",
                config.host(), javalin.port());
        return new RightsServer(javalin, database);
    }

    /** @return the HTTPS port actually bound */
    public int port() {
        return javalin.port();
    }

    /** Stops serving and closes the database. */
    @Override
    public void close() {
        javalin.stop();
        if (database != null) {
            database.close();
        }
    }
}
