package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.content.ProtectedBlobReader;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.testing.ApiClient;
import org.sealmail.rights.testing.MutableClock;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;

/**
 * The whole online-licensing flow over loopback HTTPS: the sender registers, the recipient signs
 * in with a passcode read from its mailbox (GreenMail SMTP relay) and gets a use license that
 * opens the message; revocation, expiry, locks, restarts and key rollover.
 */
class RightsServerFlowTest {

    private static final String BOB = "bob@example.test";
    private static final String HTML = "<p>Figures: <b>42</b></p>";

    @TempDir
    Path dir;

    private GreenMail mail;
    private MutableClock clock;
    private RightsServer server;
    private String base;
    private int port;
    private CertifiedKey serverKey;
    private Path config;
    private TestSender alice;
    private TestRecipient bob;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        port = RightsServerFixture.freePort();
        base = "https://localhost:" + port;
        serverKey = ServerKeys.issue("rights-2026", KeyAlgorithm.RSA_2048);
        config = RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(), List.of(serverKey), "");
        clock = new MutableClock(Instant.now());
        server = RightsServerFixture.start(config, clock);
        alice = new TestSender(TestPki.get().alice, base, clock);
        bob = new TestRecipient(BOB, base, mail);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        mail.stop();
    }

    @Test
    void recipientWithPasscodeGetsAServerSignedUseLicenseThatOpensTheMessage() throws Exception {
        TestSender.Sent sent = protect(ProtectionTemplate.DO_NOT_FORWARD);
        ApiClient.Response registered = alice.register(sent, serverKey.certificate(), true);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json()).containsEntry("cid", sent.cid()).containsEntry("issuer", "alice@example.test")
                .containsEntry("web_reader", true).containsEntry("reader_url", base + "/m/" + sent.cid());

        String session = bob.session(sent.cid());
        String passcode = bob.passcodeFromMailbox(sent.cid());
        ApiClient.Response issued = bob.useLicense(sent.cid(), session);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);

        JWSObject jws = JWSObject.parse((String) issued.json().get("use_license"));
        assertThat(jws.getHeader().getType().getType()).isEqualTo("sealmail-ul+jws");
        assertThat(jws.getHeader().getKeyID()).isEqualTo(CertificateReference.thumbprint(serverKey.certificate()));
        assertThat(jws.verify(new RSASSAVerifier((RSAPublicKey) serverKey.certificate().getPublicKey()))).isTrue();
        Map<String, Object> license = jws.getPayload().toJSONObject();
        assertThat(license).containsEntry("cid", sent.cid()).containsEntry("iss", "alice@example.test")
                .containsEntry("sub", BOB).containsEntry("pl", sent.publishingLicense()).containsEntry("srv", base)
                .containsEntry("dev", bob.deviceKey().computeThumbprint().toString());
        assertThat(license.get("rights")).isEqualTo(List.of("VIEW", "REPLY", "REPLYALL"));
        // Do Not Forward never expires and allows 30 offline days: notAfter = iat + 30 days
        long iat = ((Number) license.get("iat")).longValue();
        assertThat(((Number) license.get("exp")).longValue() - iat).isEqualTo(Duration.ofDays(30).toSeconds());
        byte[] contentKey = ContentKeyWrap.unwrap((String) license.get("cek"), bob.deviceKey().toPrivateKey());
        assertThat(contentKey).isEqualTo(sent.contentKey());
        String content = new String(ProtectedBlobReader.open(sent.message().blob(), contentKey).content(), StandardCharsets.UTF_8);
        assertThat(content).contains("Subject: Quarterly figures").contains("Figures: <b>42</b>");

        Map<String, Object> log = alice.request("GET", "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json();
        List<String> reasons = entries(log).stream().map(entry -> entry.get("outcome") + ":" + entry.get("reason")).toList();
        assertThat(reasons).containsExactly("granted:passcode sent", "granted:passcode accepted", "granted:use license issued");
        Map<String, Object> grant = entries(log).get(2);
        assertThat(grant).containsEntry("licensee", BOB).containsEntry("client", "Sealmail/0.1 (test)")
                .containsEntry("channel", "api").containsEntry("device", license.get("dev"));
        assertThat(offline(log)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("licensee", BOB)
                .containsEntry("not_after", license.get("exp")));

        server.close();
        server = null;
        assertNoSecretAnywhere(List.of(passcode, session, Base64.getEncoder().encodeToString(contentKey),
                Base64.getUrlEncoder().withoutPadding().encodeToString(contentKey), HexFormat.of().formatHex(contentKey)));
    }

    @Test
    void revokedMessageRefusesNewUseLicensesWhileTheSenderSeesWhoCanReadOfflineUntilWhen() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        String session = bob.session(sent.cid());
        ApiClient.Response before = bob.useLicense(sent.cid(), session);
        assertThat(before.status()).isEqualTo(200);

        ApiClient.Response revoked = alice.request("POST", "/api/v1/messages/" + sent.cid() + "/revoke", sent.cid(),
                Map.of("reason", "sent to the wrong list"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json()).containsEntry("revocation_reason", "sent to the wrong list");
        assertThat(revoked.json().get("revoked_at")).isNotNull();

        ApiClient.Response after = bob.useLicense(sent.cid(), session);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(after.json()).containsEntry("reason", "REVOKED").containsEntry("revocation_reason", "sent to the wrong list")
                .containsEntry("type", "urn:sealmail:rights:problem:revoked");

        Map<String, Object> log = alice.request("GET", "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json();
        assertThat(entries(log).get(entries(log).size() - 1)).containsEntry("outcome", "denied").containsEntry("reason", "REVOKED");
        assertThat(offline(log)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("licensee", BOB)
                .containsEntry("not_after", before.json().get("not_after")));
    }

    @Test
    void messagePastItsExpiryIsRefusedAndTheSenderCanExpireItEarly() {
        ProtectionTemplate oneDay = new ProtectionTemplate("one-day", "One day", UsageRights.parse("VIEW"), List.of(),
                Expiry.parse("P1D"), 30);
        TestSender.Sent sent = registered(oneDay);
        String session = bob.session(sent.cid());
        ApiClient.Response issued = bob.useLicense(sent.cid(), session);
        // notAfter = min(expiry, now + 30 offline days) = the message expiry, one day after protection
        assertThat(((Number) issued.json().get("not_after")).longValue())
                .isEqualTo(sent.message().publishingLicense().notAfter().orElseThrow().getEpochSecond());

        clock.advance(Duration.ofDays(2));
        ApiClient.Response expired = bob.requestPasscode(sent.cid());
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.reason()).isEqualTo("EXPIRED");

        TestSender.Sent second = registered(ProtectionTemplate.ENCRYPT);
        String secondSession = bob.session(second.cid());
        ApiClient.Response changed = alice.request("PUT", "/api/v1/messages/" + second.cid() + "/expiry", second.cid(),
                Map.of("not_after", clock.instant().getEpochSecond() - 1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        ApiClient.Response refused = bob.useLicense(second.cid(), secondSession);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("EXPIRED");
    }

    @Test
    void messageWithoutOfflineDaysGetsAUseLicenseGoodForOneOpen() {
        ProtectionTemplate online = new ProtectionTemplate("online-only", "Online only", UsageRights.parse("VIEW"), List.of(),
                Expiry.NEVER, 0);
        TestSender.Sent sent = registered(online);
        ApiClient.Response issued = bob.useLicense(sent.cid(), bob.session(sent.cid()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(((Number) issued.json().get("not_after")).longValue()).isEqualTo(clock.instant().getEpochSecond() + 300);
    }

    @Test
    void fiveWrongPasscodesLockTheAddressEvenAgainstTheRightCode() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        assertThat(bob.requestPasscode(sent.cid()).status()).isEqualTo(202);
        String right = bob.passcodeFromMailbox(sent.cid());
        String wrong = right.equals("00000000") ? "11111111" : "00000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            ApiClient.Response response = bob.signIn(sent.cid(), wrong);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json()).containsEntry("reason", "PASSCODE_WRONG").containsEntry("attempts_left", (long) (5 - attempt));
        }
        ApiClient.Response fifth = bob.signIn(sent.cid(), wrong);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json()).containsEntry("reason", "PASSCODE_LOCKED").containsEntry("retry_after", 900L);
        assertThat(fifth.headers().firstValue("Retry-After")).contains("900");
        assertThat(bob.signIn(sent.cid(), right).reason()).isEqualTo("PASSCODE_LOCKED");
        assertThat(bob.requestPasscode(sent.cid()).reason()).isEqualTo("PASSCODE_LOCKED");

        clock.advance(Duration.ofMinutes(16));
        assertThat(bob.requestPasscode(sent.cid()).status()).isEqualTo(202);
        assertThat(bob.signIn(sent.cid(), bob.passcodeFromMailbox(sent.cid())).status()).isEqualTo(200);
    }

    @Test
    void passcodeExpiresAfterTenMinutesAndWorksOnlyOnce() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        bob.requestPasscode(sent.cid());
        String code = bob.passcodeFromMailbox(sent.cid());
        clock.advance(Duration.ofMinutes(10));
        assertThat(bob.signIn(sent.cid(), code).reason()).isEqualTo("PASSCODE_EXPIRED");

        bob.requestPasscode(sent.cid());
        String fresh = bob.passcodeFromMailbox(sent.cid());
        assertThat(bob.signIn(sent.cid(), fresh).status()).isEqualTo(200);
        assertThat(bob.signIn(sent.cid(), fresh).reason()).isEqualTo("NO_PASSCODE");
    }

    @Test
    void linkPreviewsThatOnlyGetPagesNeitherSendNorConsumeAPasscode() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        ApiClient web = new ApiClient(base);
        assertThat(web.get("/m/" + sent.cid(), Optional.empty()).status()).isEqualTo(200);
        assertThat(web.get("/m/" + sent.cid() + "/passcode?licensee=" + BOB, Optional.empty()).status()).isIn(404, 405);
        assertThat(mail.getReceivedMessages()).isEmpty();

        assertThat(bob.requestPasscode(sent.cid()).status()).isEqualTo(202);
        String code = bob.passcodeFromMailbox(sent.cid());
        assertThat(web.get("/m/" + sent.cid() + "/sign-in?licensee=" + BOB + "&passcode=" + code, Optional.empty()).status())
                .isIn(404, 405);
        assertThat(web.get("/m/" + sent.cid() + "/read", Optional.empty()).status()).as("no session without the POST").isEqualTo(401);
        assertThat(bob.signIn(sent.cid(), code).status()).as("the code is still unused").isEqualTo(200);
    }

    @Test
    void restartedServerKeepsMessagesSessionsAndTheAccessLog() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        String session = bob.session(sent.cid());
        alice.request("POST", "/api/v1/messages/" + sent.cid() + "/revoke", sent.cid(), Map.of());
        int entries = entries(alice.request("GET", "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json()).size();

        server.close();
        server = RightsServerFixture.start(config, clock);

        ApiClient.Response status = alice.request("GET", "/api/v1/messages/" + sent.cid(), sent.cid(), null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("revoked_at")).isNotNull();
        assertThat(bob.useLicense(sent.cid(), session).reason()).as("the session survived; the revocation too").isEqualTo("REVOKED");
        assertThat(entries(alice.request("GET", "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json()))
                .hasSize(entries + 1);
    }

    @Test
    void keyRolloverKeepsTheOldKeySoEarlierMessagesStillOpen() throws Exception {
        TestSender.Sent early = registered(ProtectionTemplate.DO_NOT_FORWARD);
        server.close();
        CertifiedKey next = ServerKeys.issue("rights-2027", KeyAlgorithm.EC_P256);
        Path rolled = RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(), List.of(next, serverKey), "");
        server = RightsServerFixture.start(rolled, clock);

        Map<String, Object> keys = new ApiClient(base).get("/api/v1/keys", Optional.empty()).json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) keys.get("keys");
        assertThat(list).extracting(key -> key.get("kid") + ":" + key.get("alg") + ":" + key.get("current")).containsExactlyInAnyOrder(
                CertificateReference.thumbprint(next.certificate()) + ":ECDH-ES+A256KW:true",
                CertificateReference.thumbprint(serverKey.certificate()) + ":RSA-OAEP-256:false");

        ApiClient.Response issued = bob.useLicense(early.cid(), bob.session(early.cid()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JWSObject jws = JWSObject.parse((String) issued.json().get("use_license"));
        assertThat(jws.getHeader().getKeyID()).isEqualTo(CertificateReference.thumbprint(next.certificate()));
        assertThat(ContentKeyWrap.unwrap((String) jws.getPayload().toJSONObject().get("cek"), bob.deviceKey().toPrivateKey()))
                .isEqualTo(early.contentKey());

        TestSender.Sent later = protect(ProtectionTemplate.ENCRYPT);
        assertThat(alice.register(later, next.certificate(), false).status()).isEqualTo(201);
    }

    @Test
    void registrationIsRefusedUnlessTheSenderSignsThisVeryRequest() {
        TestSender.Sent sent = protect(ProtectionTemplate.DO_NOT_FORWARD);
        Map<String, Object> body = Map.of("publishing_license", sent.publishingLicense(),
                "content_key", ContentKeyWrap.wrap(sent.contentKey(), serverKey.certificate()));
        ApiClient api = new ApiClient(base);
        byte[] bytes = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);

        assertThat(api.send("POST", "/api/v1/messages", bytes, Optional.empty()).reason()).isEqualTo("SENDER_AUTH_MISSING");
        TestSender mallory = new TestSender(TestPki.get().carol, base, clock);
        assertThat(api.send("POST", "/api/v1/messages", bytes,
                Optional.of(mallory.authorization("POST", "/api/v1/messages", sent.cid(), bytes))).reason()).isEqualTo("NOT_THE_SENDER");
        assertThat(api.send("POST", "/api/v1/messages", bytes,
                Optional.of(alice.authorization("POST", "/api/v1/messages", sent.cid(), "{}".getBytes(StandardCharsets.UTF_8))))
                .reason()).as("signature over another body").isEqualTo("SENDER_AUTH_INVALID");
        String once = alice.authorization("POST", "/api/v1/messages", sent.cid(), bytes);
        assertThat(api.send("POST", "/api/v1/messages", bytes, Optional.of(once)).status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/messages", bytes, Optional.of(once)).reason()).isEqualTo("REQUEST_REPLAYED");
        assertThat(alice.registerRaw(sent.cid(), body).status()).as("a freshly signed retry is idempotent").isEqualTo(200);

        TestSender.Sent other = protect(ProtectionTemplate.DO_NOT_FORWARD);
        ApiClient.Response mismatch = alice.registerRaw(other.cid(), Map.of("publishing_license", other.publishingLicense(),
                "content_key", ContentKeyWrap.wrap(other.contentKey(), serverKey.certificate()),
                "content", Base64.getEncoder().encodeToString(sent.message().blob())));
        assertThat(mismatch.reason()).isEqualTo("CONTENT_MISMATCH");
        ApiClient.Response strangerKey = alice.registerRaw(other.cid(), Map.of("publishing_license", other.publishingLicense(),
                "content_key", ContentKeyWrap.wrap(other.contentKey(), TestPki.get().bob.certificate())));
        assertThat(strangerKey.reason()).isEqualTo("UNKNOWN_KEY");
    }

    @Test
    void someoneTheMessageWasNotSentToGetsNoPasscodeAndTheAttemptIsLogged() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        TestRecipient carol = new TestRecipient("carol@example.test", base, mail);
        ApiClient.Response refused = carol.requestPasscode(sent.cid());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("NOT_A_RECIPIENT");
        assertThat(mail.getReceivedMessages()).isEmpty();
        Map<String, Object> log = alice.request("GET", "/api/v1/messages/" + sent.cid() + "/access-log", sent.cid(), null).json();
        assertThat(entries(log)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("licensee", "carol@example.test")
                .containsEntry("outcome", "denied").containsEntry("reason", "NOT_A_RECIPIENT"));
    }

    private TestSender.Sent protect(ProtectionTemplate template) {
        return alice.protect(BOB, TestPki.get().bob.certificate(), template, Clock.systemUTC(), HTML);
    }

    private TestSender.Sent registered(ProtectionTemplate template) {
        TestSender.Sent sent = protect(template);
        ApiClient.Response response = alice.register(sent, serverKey.certificate(), true);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return sent;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> log) {
        return (List<Map<String, Object>>) log.get("entries");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> offline(Map<String, Object> log) {
        return (List<Map<String, Object>>) log.get("offline_access");
    }

    private void assertNoSecretAnywhere(List<String> secrets) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> stream = Files.list(dir)) {
            stream.filter(file -> file.getFileName().toString().startsWith("rights-server.db")).forEach(files::add);
        }
        files.add(Path.of("target/test-logs/rights-server.log"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as("bytes of " + file).isNotEmpty();
            for (String secret : secrets) {
                assertThat(text).as(file + " must not contain a secret").doesNotContain(secret);
            }
        }
    }
}
