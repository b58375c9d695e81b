package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.testing.ApiClient;
import org.sealmail.rights.testing.MutableClock;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;

/**
 * Two rights-server instances on one PostgreSQL (Debian's, started by .ci/run through
 * rights-server/ci/postgres.sh, URL in {@code RIGHTS_PG_URL}) serve one message consistently:
 * a code sent by one is consumed by the other, a revocation on one holds on the other, a lock
 * and a replayed sender request are seen by both, and the access log has every entry.
 */
class PostgresInstancesIT {

    private static final String URL = System.getenv("RIGHTS_PG_URL");

    @TempDir
    Path dir;

    private GreenMail mail;
    private RightsServer first;
    private RightsServer second;
    private String firstBase;
    private String secondBase;
    private CertifiedKey serverKey;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(URL != null, "RIGHTS_PG_URL is not set (.ci/run starts PostgreSQL and sets it)");
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        serverKey = ServerKeys.issue("rights-pg", KeyAlgorithm.RSA_2048);
        int firstPort = RightsServerFixture.freePort();
        int secondPort = RightsServerFixture.freePort();
        firstBase = "https://localhost:" + firstPort;
        secondBase = "https://localhost:" + secondPort;
        String database = "database.url = " + URL + "\n";
        Path firstDir = Files.createDirectories(dir.resolve("first"));
        Path secondDir = Files.createDirectories(dir.resolve("second"));
        MutableClock clock = new MutableClock(Instant.now());
        first = RightsServerFixture.start(RightsServerFixture.writeRightsConfig(firstDir, firstPort, mail.getSmtp().getPort(),
                List.of(serverKey), database), clock);
        // the second instance serves the same public URL (as behind a load balancer) on its own port
        Path secondConfig = RightsServerFixture.writeRightsConfig(secondDir, secondPort, mail.getSmtp().getPort(),
                List.of(serverKey), database);
        Files.writeString(secondConfig, Files.readString(secondConfig).replace("public-url = " + secondBase,
                "public-url = " + firstBase));
        second = RightsServerFixture.start(secondConfig, clock);
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void bothInstancesServeOneMessageConsistently() throws Exception {
        TestSender aliceAtFirst = new TestSender(TestPki.get().alice, firstBase, Clock.systemUTC());
        TestSender aliceAtSecond = new TestSender(TestPki.get().alice, secondBase, Clock.systemUTC());
        TestSender.Sent sent = aliceAtFirst.protect("bob@example.test", TestPki.get().bob.certificate(),
                ProtectionTemplate.DO_NOT_FORWARD, Clock.systemUTC(), "<p>Shared</p>");
        assertThat(aliceAtFirst.register(sent, serverKey.certificate(), true).status()).isEqualTo(201);
        assertThat(aliceAtSecond.register(sent, serverKey.certificate(), true).status()).as("same registration: idempotent")
                .isEqualTo(200);

        TestRecipient bobAtFirst = new TestRecipient("bob@example.test", firstBase, mail);
        TestRecipient bobAtSecond = new TestRecipient("bob@example.test", secondBase, mail);
        assertThat(bobAtFirst.requestPasscode(sent.cid()).status()).isEqualTo(202);
        String code = bobAtFirst.passcodeFromMailbox(sent.cid());
        ApiClient.Response session = bobAtSecond.signIn(sent.cid(), code);
        assertThat(session.status()).as("a code sent by the first instance is consumed by the second").isEqualTo(200);
        assertThat(bobAtFirst.signIn(sent.cid(), code).reason()).as("and only once").isEqualTo("NO_PASSCODE");

        String token = (String) session.json().get("session");
        ApiClient.Response issued = bobAtFirst.useLicense(sent.cid(), token);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(ContentKeyWrap.unwrap((String) JWSObject.parse((String) issued.json().get("use_license")).getPayload()
                .toJSONObject().get("cek"), bobAtFirst.deviceKey().toPrivateKey())).isEqualTo(sent.contentKey());

        String once = aliceAtFirst.authorization("GET", "/api/v1/messages/" + sent.cid(), sent.cid(), new byte[0]);
        assertThat(new ApiClient(firstBase).get("/api/v1/messages/" + sent.cid(), Optional.of(once)).status()).isEqualTo(200);
        assertThat(new ApiClient(secondBase).get("/api/v1/messages/" + sent.cid(), Optional.of(once)).reason())
                .as("a request accepted by one instance is a replay at the other").isEqualTo("REQUEST_REPLAYED");

        assertThat(aliceAtSecond.request("POST", "/api/v1/messages/" + sent.cid() + "/revoke", sent.cid(), Map.of()).status())
                .isEqualTo(200);
        assertThat(bobAtFirst.useLicense(sent.cid(), token).reason()).isEqualTo("REVOKED");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) aliceAtFirst.request("GET",
                "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json().get("entries");
        assertThat(entries).extracting(entry -> entry.get("outcome") + ":" + entry.get("reason")).containsExactly(
                "granted:passcode sent", "granted:passcode accepted", "denied:NO_PASSCODE", "granted:use license issued",
                "denied:REVOKED");
    }

    @Test
    void wrongCodesAtEitherInstanceAddUpToOneLock() {
        TestSender alice = new TestSender(TestPki.get().alice, firstBase, Clock.systemUTC());
        TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(), ProtectionTemplate.ENCRYPT,
                Clock.systemUTC(), "<p>x</p>");
        assertThat(alice.register(sent, serverKey.certificate(), false).status()).isEqualTo(201);
        TestRecipient atFirst = new TestRecipient("bob@example.test", firstBase, mail);
        TestRecipient atSecond = new TestRecipient("bob@example.test", secondBase, mail);
        atFirst.requestPasscode(sent.cid());
        String right = atFirst.passcodeFromMailbox(sent.cid());
        String wrong = right.equals("00000000") ? "11111111" : "00000000";
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat((attempt % 2 == 0 ? atFirst : atSecond).signIn(sent.cid(), wrong).reason()).isEqualTo("PASSCODE_WRONG");
        }
        assertThat(atSecond.signIn(sent.cid(), wrong).reason()).isEqualTo("PASSCODE_LOCKED");
        assertThat(atFirst.signIn(sent.cid(), right).reason()).isEqualTo("PASSCODE_LOCKED");
    }
}
