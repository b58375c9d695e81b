package org.sealmail.rights.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The server's own logging configuration ({@code logback.xml} in the jar): without it logback logs
 * everything at DEBUG, and the HTTP stack's debug lines carry request headers and bodies (bearer
 * session tokens, passcodes). Nothing below INFO may reach the log, and Jetty only from ERROR.
 */
class ProductionLoggingTest {

    @Test
    void theShippedConfigurationLogsNothingBelowInfo() throws Exception {
        URL config = getClass().getClassLoader().getResource("logback.xml");
        assertThat(config).as("rights-server/src/main/resources/logback.xml").isNotNull();
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty.server.HttpChannel").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("java.net.http.HttpClient").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.sealmail.rights.http.ApiRoutes").getEffectiveLevel()).isEqualTo(Level.INFO);
        context.stop();
    }
}
