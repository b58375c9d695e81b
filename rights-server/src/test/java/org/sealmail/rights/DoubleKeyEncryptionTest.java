package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.content.ProtectedBlobReader;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.testing.ApiClient;
import org.sealmail.rights.testing.MutableClock;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;

/**
 * Double key encryption (docs/rights-server-api.md §6) with the rights server and the key
 * service as two processes over loopback: K = A XOR B; the recipient needs both services, and
 * neither share alone decrypts the message.
 */
class DoubleKeyEncryptionTest {

    @TempDir
    Path dir;

    private GreenMail mail;
    private RightsServer rights;
    private RightsServer keyService;
    private CertifiedKey rightsKey;
    private CertifiedKey keyServiceKey;
    private String base;
    private String keyServiceUrl;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        rightsKey = ServerKeys.issue("rights-dke", KeyAlgorithm.RSA_2048);
        keyServiceKey = ServerKeys.issue("org-keys", KeyAlgorithm.EC_P256);
        int port = RightsServerFixture.freePort();
        base = "https://localhost:" + port;
        MutableClock clock = new MutableClock(Instant.now());
        rights = RightsServerFixture.start(RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(),
                List.of(rightsKey), ""), clock);
        Path trusted = dir.resolve("trusted-rights-servers.pem");
        CertificateFiles.writePem(trusted, List.of(rightsKey.certificate()));
        int keyPort = RightsServerFixture.freePort();
        keyServiceUrl = "https://localhost:" + keyPort;
        Path keyDir = java.nio.file.Files.createDirectories(dir.resolve("key-service"));
        keyService = RightsServerFixture.start(RightsServerFixture.writeKeyServiceConfig(keyDir, keyPort, keyServiceKey, trusted),
                clock);
    }

    @AfterEach
    void stop() {
        rights.close();
        keyService.close();
        mail.stop();
    }

    @Test
    void recipientOpensOnlyWithBothSharesAndNeitherShareAloneDecrypts() throws Exception {
        TestSender alice = new TestSender(TestPki.get().alice, base, Clock.systemUTC());
        TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(), ProtectionTemplate.ENCRYPT,
                Clock.systemUTC(), "<p>Board minutes</p>");
        byte[] shareA = new byte[32];
        new SecureRandom().nextBytes(shareA);
        byte[] shareB = xor(sent.contentKey(), shareA);
        Map<String, Object> doubleKey = new LinkedHashMap<>();
        doubleKey.put("share_a", ContentKeyWrap.wrap(shareA, rightsKey.certificate()));
        doubleKey.put("share_b", ContentKeyWrap.wrap(shareB, keyServiceKey.certificate()));
        doubleKey.put("key_service", keyServiceUrl);
        ApiClient.Response registered = alice.registerRaw(sent.cid(), Map.of("publishing_license", sent.publishingLicense(),
                "double_key", doubleKey));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json()).containsEntry("double_key", true).containsEntry("web_reader", false);

        TestRecipient bob = new TestRecipient("bob@example.test", base, mail);
        ApiClient.Response issued = bob.useLicense(sent.cid(), bob.session(sent.cid()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String useLicense = (String) issued.json().get("use_license");
        Map<String, Object> payload = JWSObject.parse(useLicense).getPayload().toJSONObject();
        byte[] fromRightsServer = ContentKeyWrap.unwrap((String) payload.get("cek"), bob.deviceKey().toPrivateKey());
        assertThat(fromRightsServer).as("the rights server hands out share A, never K").isEqualTo(shareA);
        assertThat(payload.get("dke")).isEqualTo(Map.of("share_b", doubleKey.get("share_b"), "key_service", keyServiceUrl));

        ApiClient keys = new ApiClient(keyServiceUrl);
        ApiClient.Response unwrapped = keys.post("/api/v1/unwrap", Map.of("use_license", useLicense,
                "device_key", bob.deviceKey().toPublicJWK().toJSONObject()), Optional.empty());
        assertThat(unwrapped.status()).as(unwrapped.body()).isEqualTo(200);
        byte[] fromKeyService = ContentKeyWrap.unwrap((String) unwrapped.json().get("share_b"), bob.deviceKey().toPrivateKey());
        assertThat(fromKeyService).isEqualTo(shareB);

        byte[] key = xor(fromRightsServer, fromKeyService);
        assertThat(new String(ProtectedBlobReader.open(sent.message().blob(), key).content(), StandardCharsets.UTF_8))
                .contains("Board minutes");
        for (byte[] alone : List.of(fromRightsServer, fromKeyService)) {
            assertThatThrownBy(() -> ProtectedBlobReader.open(sent.message().blob(), alone))
                    .isInstanceOfSatisfying(RightsProblem.class, problem -> assertThat(problem.reason())
                            .isEqualTo(ProblemReason.CONTENT_MISMATCH)).hasMessageContaining("GCM tag");
        }
    }

    @Test
    void eachServiceRefusesTheOtherServicesShare() throws Exception {
        TestSender alice = new TestSender(TestPki.get().alice, base, Clock.systemUTC());
        TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(), ProtectionTemplate.ENCRYPT,
                Clock.systemUTC(), "<p>x</p>");
        Map<String, Object> swapped = new LinkedHashMap<>();
        swapped.put("share_a", ContentKeyWrap.wrap(new byte[32], keyServiceKey.certificate()));
        swapped.put("share_b", ContentKeyWrap.wrap(new byte[32], keyServiceKey.certificate()));
        swapped.put("key_service", keyServiceUrl);
        ApiClient.Response refused = alice.registerRaw(sent.cid(), Map.of("publishing_license", sent.publishingLicense(),
                "double_key", swapped));
        assertThat(refused.reason()).as("the rights server holds no key for a share wrapped to the key service")
                .isEqualTo("UNKNOWN_KEY");

        TestRecipient bob = new TestRecipient("bob@example.test", base, mail);
        ApiClient.Response forged = new ApiClient(keyServiceUrl).post("/api/v1/unwrap", Map.of(
                "use_license", alice.authorization("POST", "/x", sent.cid(), new byte[0]).substring("Sealmail-Sender ".length()),
                "device_key", bob.deviceKey().toPublicJWK().toJSONObject()), Optional.empty());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.reason()).isEqualTo("USE_LICENSE_INVALID");
    }

    private static byte[] xor(byte[] left, byte[] right) {
        byte[] out = new byte[left.length];
        for (int index = 0; index < out.length; index++) {
            out[index] = (byte) (left[index] ^ right[index]);
        }
        return out;
    }
}
