package org.sealmail.rights;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sealmail.rights.config.ConfigException;
import org.sealmail.rights.config.ConfigFile;
import org.sealmail.rights.config.RightsServerConfig;
import org.sealmail.rights.http.RightsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sealmail-rights-server --config FILE}: starts the rights server or the key service
 * (per the file's {@code role}) and serves until stopped (SIGTERM / Ctrl-C). Exit codes: 0 after
 * a clean stop, 2 for a usage error, 3 for a configuration error (the message names file and key).
 */
public final class RightsServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(RightsServerMain.class);

    private RightsServerMain() {
    }

    /**
     * @param args {@code --config FILE}
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[0].equals("--config")) {
            LOG.error("usage: sealmail-rights-server --config FILE (see docs/rights-server.md)");
            System.exit(2);
        }
        RightsServer server;
        try {
            server = RightsServer.start(RightsServerConfig.read(ConfigFile.read(Path.of(args[1]), RightsServerConfig.environment())),
                    Clock.systemUTC());
        } catch (ConfigException e) {
            LOG.error("cannot start: {}", e.getMessage());
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rights-server-shutdown"));
        stopped.await();
    }
}
