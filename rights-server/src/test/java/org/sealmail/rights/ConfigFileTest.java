package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sealmail.rights.config.ConfigException;
import org.sealmail.rights.config.ConfigFile;
import org.sealmail.rights.config.PasscodePolicy;
import org.sealmail.rights.config.RightsServerConfig;
import org.sealmail.rights.testing.RightsServerFixture;

/** The documented defaults (docs/rights-server.md) and errors naming file and key. */
class ConfigFileTest {

    private static final Path FILE = Path.of("/etc/sealmail/rights-server.properties");

    @Test
    void defaultsAreTheDocumentedOnes() {
        RightsServerConfig config = read("""
                public-url = https://rights.example.org
                tls.keystore = tls.p12
                tls.password-env = P
                keys.file = keys.p12
                keys.password-env = P
                smtp.from = rights@example.org
                """);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/etc/sealmail/rights-server.db");
        assertThat(config.passcodes()).isEqualTo(PasscodePolicy.DEFAULT);
        assertThat(config.passcodes().validity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofMinutes(480));
        assertThat(config.maxClockSkew()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.smtp().orElseThrow().security()).isEqualTo("starttls");
        assertThat(config.smtp().orElseThrow().port()).isEqualTo(587);
        assertThat(config.tlsKeyStore()).isEqualTo(Path.of("/etc/sealmail/tls.p12"));
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        assertThatThrownBy(() -> read("public-url = http://rights.example.org\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rights-server.properties").hasMessageContaining("'public-url'").hasMessageContaining("https");
        assertThatThrownBy(() -> read("""
                public-url = https://rights.example.org
                tls.keystore = tls.p12
                tls.password-env = UNSET
                """)).hasMessageContaining("'tls.password-env' names environment variable UNSET, which is not set");
        assertThatThrownBy(() -> read("""
                public-url = https://rights.example.org
                tls.keystore = tls.p12
                tls.password-env = P
                keys.type = JKS
                keys.password-env = P
                """)).hasMessageContaining("'keys.type' = JKS: expected PKCS12 or PKCS11");
    }

    private static RightsServerConfig read(String text) {
        return RightsServerConfig.read(ConfigFile.of(FILE, RightsServerFixture.properties(text), Map.of("P", "secret")));
    }
}
