package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.rights.testing.ApiClient;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;

/** {@code rights-server/sealmail-rights-server --config FILE} starts the packaged server (target/*.jar + target/lib). */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void scriptStartsTheServerAndABadConfigurationExitsWithCode3() throws Exception {
        int port = RightsServerFixture.freePort();
        Path config = RightsServerFixture.writeRightsConfig(dir, port, RightsServerFixture.freePort(),
                List.of(ServerKeys.issue("rights-launch", KeyAlgorithm.RSA_2048)), "");
        Path script = Path.of("sealmail-rights-server").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("RIGHTS_TEST_PASSWORD", "test-pass");
        Process process = builder.start();
        try {
            ApiClient.Response health = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (health == null && Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    health = new ApiClient("https://localhost:" + port).get("/api/v1/health", Optional.empty());
                } catch (IllegalStateException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as(Files.readString(dir.resolve("out.log"))).isNotNull();
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json()).containsEntry("status", "ok");
        } finally {
            process.destroy();
            process.waitFor();
        }

        Files.writeString(config, Files.readString(config).replace("public-url = https://localhost:" + port, "public-url = http://x"));
        ProcessBuilder bad = new ProcessBuilder(script.toString(), "--config", config.toString()).redirectErrorStream(true);
        bad.environment().put("RIGHTS_TEST_PASSWORD", "test-pass");
        Process refused = bad.start();
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor()).isEqualTo(3);
        assertThat(output).contains("'public-url'").contains("https");
    }
}
