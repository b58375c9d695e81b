package org.sealmail.app.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.message.LicenseSource;
import org.sealmail.crypto.rights.message.OnlineLicensing;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.crypto.rights.message.ProtectionHeader;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.sealmail.policy.send.OutgoingSubmission;
import org.sealmail.policy.send.SendRequest;
import org.sealmail.policy.send.SendResult;
import org.sealmail.policy.send.SendStatus;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.rights.http.RightsServer;

/**
 * Online licensing across two clients and the real rights server (rights-server module, in this JVM,
 * HTTPS on loopback with the test CA, SQLite in a temp dir, GreenMail as its SMTP relay and as the
 * recipients' IMAPS): Alice protects for Dan, who has no certificate; Dan's client reads the passcode
 * from his own INBOX and opens (docs/rights-server-api.md §3-7).
 */
class OnlineLicensingIT {

    private static final String DAN = "dan@example.test";
    private static final String BODY = "The merger closes on Friday.";

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.get();
    private TestGreenMail mail;
    private RightsServer server;
    private int port;
    private URI url;
    private RightsServerTransport transport;

    @BeforeEach
    void start() throws Exception {
        mail = new TestGreenMail();
        mail.greenMail().setUser(DAN, DAN, TestGreenMail.PASSWORD);
        port = RightsServers.freePort();
        url = RightsServers.url(port);
        java.nio.file.Files.createDirectories(dir.resolve("server"));
        server = RightsServers.startRightsServer(dir.resolve("server"), port, mail.smtpPort());
        transport = RightsServerTransport.create(Optional.of(RightsServers.tlsTrust(dir)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        mail.close();
    }

    @Test
    void danWithoutCertificateOpensByReadingThePasscodeFromHisMailboxAndAliceSeesTheGrantInTheLog() throws Exception {
        ProtectedMessage message = aliceProtects(List.of(DAN, "bob@example.test"), ProtectionTemplate.DO_NOT_FORWARD,
                Optional.empty());
        MessageStatus registered = client().register(message.registration().orElseThrow(), pki.alice);

        assertThat(registered.contentId()).isEqualTo(message.publishingLicense().contentId());
        assertThat(registered.webReader()).isTrue();
        assertThat(registered.doubleKey()).isFalse();
        assertThat(registered.readerUrl()).isEqualTo(url + "/m/" + registered.contentId());
        assertThat(registered.recipients()).extracting(MessageStatus.Recipient::licensee).contains(DAN, "bob@example.test");
        MimeMessage outer = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.toBytes()));
        assertThat(outer.getHeader("X-Sealmail-Protection", null)).isEqualTo("version=1; content-id=\""
                + registered.contentId() + "\"; rights-server=\"" + url + "\"");
        jakarta.mail.Multipart wrapper = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) outer.getContent()).getBodyPart(0)
                .getContent();
        assertThat(String.valueOf(wrapper.getBodyPart(0).getContent())).contains(url + "/m/" + registered.contentId());
        assertThat(message.publishingLicense().grants()).filteredOn(grant -> grant.licensee().equals(DAN))
                .singleElement().satisfies(grant -> assertThat(grant.isOnline()).isTrue());

        byte[] received = deliverToDan(message);
        DeviceKey device = DeviceKey.generate();
        UseLicenseCache cache = new InMemoryUseLicenseCache();
        OpenResult opened = dan(device, cache, Clock.systemUTC()).open(received);

        assertThat(opened.status()).as(opened.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(opened.source()).contains(LicenseSource.RIGHTS_SERVER);
        assertThat(opened.rights()).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
        assertThat(new String(opened.content().orElseThrow(), StandardCharsets.UTF_8)).contains(BODY);
        // notAfter = iat + 30 offline days (Do Not Forward never expires): within a minute of now + 30 days
        assertThat(opened.notAfter().orElseThrow()).isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(1));

        OpenResult again = dan(device, cache, Clock.systemUTC()).open(received);
        assertThat(again.source()).contains(LicenseSource.CACHED_USE_LICENSE);

        OpenResult bob = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), Clock.systemUTC()).open(received);
        assertThat(bob.source()).contains(LicenseSource.PRIVATE_KEY);

        AccessLog log = client().accessLog(registered.contentId(), pki.alice);
        assertThat(log.entries()).anySatisfy(entry -> {
            assertThat(entry.licensee()).isEqualTo(DAN);
            assertThat(entry.outcome()).isEqualTo("granted");
            assertThat(entry.device()).contains(device.id());
        });
        assertThat(log.offlineAccess()).singleElement().satisfies(access -> {
            assertThat(access.licensee()).isEqualTo(DAN);
            assertThat(access.device()).isEqualTo(device.id());
            assertThat(access.notAfter()).isEqualTo(opened.notAfter().orElseThrow());
        });
    }

    @Test
    void afterRevocationANewDeviceIsDeniedWhileTheCachedLicenseOpensOfflineUntilItsNotAfter() throws Exception {
        ProtectedMessage message = aliceProtects(List.of(DAN), ProtectionTemplate.ENCRYPT, Optional.empty());
        String cid = client().register(message.registration().orElseThrow(), pki.alice).contentId();
        byte[] received = deliverToDan(message);
        DeviceKey laptop = DeviceKey.generate();
        UseLicenseCache laptopCache = new InMemoryUseLicenseCache();
        OpenResult first = dan(laptop, laptopCache, Clock.systemUTC()).open(received);
        assertThat(first.opened()).as(first.reason()).isTrue();

        MessageStatus revoked = client().revoke(cid, Optional.of("sent to the wrong list"), pki.alice);
        assertThat(revoked.revokedAt()).isPresent();
        assertThat(revoked.revocationReason()).contains("sent to the wrong list");

        OpenResult phone = dan(DeviceKey.generate(), new InMemoryUseLicenseCache(), Clock.systemUTC()).open(received);
        assertThat(phone.status()).as(phone.reason()).isEqualTo(OpenStatus.REVOKED);
        assertThat(phone.refusal()).contains(Refusal.REVOKED);
        assertThat(phone.content()).isEmpty();

        server.close();
        server = null;
        Instant notAfter = first.notAfter().orElseThrow();
        OpenResult offline = dan(laptop, laptopCache, Clock.fixed(notAfter.minusSeconds(60), ZoneOffset.UTC)).open(received);
        assertThat(offline.status()).as(offline.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(offline.source()).contains(LicenseSource.CACHED_USE_LICENSE);

        OpenResult tooLate = dan(laptop, laptopCache, Clock.fixed(notAfter, ZoneOffset.UTC)).open(received);
        assertThat(tooLate.status()).as(tooLate.reason()).isEqualTo(OpenStatus.UNAVAILABLE);
        assertThat(tooLate.content()).isEmpty();
    }

    @Test
    void anExpiryMovedIntoThePastDeniesNewUseLicenses() throws Exception {
        ProtectedMessage message = aliceProtects(List.of(DAN), ProtectionTemplate.ENCRYPT, Optional.empty());
        String cid = client().register(message.registration().orElseThrow(), pki.alice).contentId();
        Instant past = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        MessageStatus status = client().expiry(cid, Optional.of(past), pki.alice);
        assertThat(status.notAfter()).contains(past);

        OpenResult result = dan(DeviceKey.generate(), new InMemoryUseLicenseCache(), Clock.systemUTC())
                .open(deliverToDan(message));
        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.EXPIRED);
        assertThat(result.refusal()).contains(Refusal.MESSAGE_EXPIRED);
    }

    @Test
    void doubleKeyEncryptionOpensWithBothServicesAndNotWithEitherAlone() throws Exception {
        int keyServicePort = RightsServers.freePort();
        java.nio.file.Files.createDirectories(dir.resolve("key-service"));
        RightsServer keyService = RightsServers.startKeyService(dir.resolve("key-service"), keyServicePort);
        try {
            URI keyServiceUrl = RightsServers.url(keyServicePort);
            ServerKeyCertificate serviceKey = new RightsServerClient(transport, keyServiceUrl, Clock.systemUTC()).currentKey();
            ProtectedMessage message = aliceProtects(List.of(DAN), ProtectionTemplate.ENCRYPT,
                    Optional.of(new OnlineLicensing.DoubleKeyService(keyServiceUrl, serviceKey.certificate())));
            assertThat(message.registration().orElseThrow().content()).isEmpty();
            MessageStatus status = client().register(message.registration().orElseThrow(), pki.alice);
            assertThat(status.doubleKey()).isTrue();
            assertThat(status.webReader()).isFalse();
            byte[] received = deliverToDan(message);

            OpenResult opened = dan(DeviceKey.generate(), new InMemoryUseLicenseCache(), Clock.systemUTC()).open(received);
            assertThat(opened.status()).as(opened.reason()).isEqualTo(OpenStatus.OPENED);
            assertThat(new String(opened.content().orElseThrow(), StandardCharsets.UTF_8)).contains(BODY);

            OpenResult alice = new ProtectedMessageOpener(pki.alice, new InMemoryUseLicenseCache(), Clock.systemUTC())
                    .open(received);
            assertThat(alice.source()).as("the sender's own RecipientInfo").contains(LicenseSource.PRIVATE_KEY);

            // the key service alone: it refuses share B without a use license signed by the rights server
            DeviceKey device = DeviceKey.generate();
            assertThatThrownBy(() -> new RightsServerClient(transport, keyServiceUrl, Clock.systemUTC())
                    .unwrapShareB(message.registration().orElseThrow().publishingLicense(), device))
                    .isInstanceOfSatisfying(RightsServerProblem.class,
                            problem -> assertThat(problem.reason()).isEqualTo("USE_LICENSE_INVALID"));

            // the rights server alone: with the key service gone, share A gives no content
            keyService.close();
            keyService = null;
            OpenResult withoutKeyService = dan(DeviceKey.generate(), new InMemoryUseLicenseCache(), Clock.systemUTC())
                    .open(received);
            assertThat(withoutKeyService.status()).as(withoutKeyService.reason()).isEqualTo(OpenStatus.UNAVAILABLE);
            assertThat(withoutKeyService.refusal()).contains(Refusal.LICENSE_NOT_ISSUED);
            assertThat(withoutKeyService.content()).isEmpty();
        } finally {
            if (keyService != null) {
                keyService.close();
            }
        }
    }

    @Test
    void alicesSendPipelineLicensesDanOnlineAndRegistersTheMessageBeforeQueueingIt() throws Exception {
        ProfileRightsSettings settings = new ProfileRightsSettings(url, Optional.of(RightsServers.tlsTrust(dir)),
                Optional.empty());
        List<OutgoingSubmission> queued = new java.util.ArrayList<>();
        OutgoingMessagePipeline pipeline = new OutgoingMessagePipeline(RuleSetHolder.withoutRulesFile(), address -> List.of(),
                queued::add, Clock.systemUTC()).withOnlineLicensing(RightsServerRegistrar.of(settings, Clock.systemUTC()));

        SendResult result = pipeline.send(SendRequest.of(composed(List.of(DAN)), pki.alice)
                .withChosenTemplate(ProtectionTemplate.DO_NOT_FORWARD));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        byte[] sent = queued.get(0).message();
        String cid = ProtectionHeader.read(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(sent))).contentId();
        assertThat(client().status(cid, pki.alice).recipients()).extracting(MessageStatus.Recipient::licensee).contains(DAN);
        OpenResult opened = dan(DeviceKey.generate(), new InMemoryUseLicenseCache(), Clock.systemUTC()).open(deliverToDan(sent));
        assertThat(opened.status()).as(opened.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(new String(opened.content().orElseThrow(), StandardCharsets.UTF_8)).contains(BODY);
    }

    @Test
    void theDesktopSentItemActionsFindTheServerAndTheSendersKeyFromTheStoredMessage() throws Exception {
        ProtectedMessage message = aliceProtects(List.of(DAN), ProtectionTemplate.ENCRYPT, Optional.empty());
        client().register(message.registration().orElseThrow(), pki.alice);
        byte[] stored = message.toBytes();
        org.sealmail.app.ui.opening.KeyMaterial keys = new org.sealmail.app.ui.opening.KeyMaterial() {
            @Override
            public List<org.sealmail.crypto.keys.CertifiedKey> privateKeys() {
                return List.of(pki.bob, pki.alice);
            }

            @Override
            public List<java.security.cert.X509Certificate> anchorCertificates() {
                return List.of();
            }
        };
        org.sealmail.app.ui.rights.ServerSentItemRights rights = new org.sealmail.app.ui.rights.ServerSentItemRights(
                id -> stored, keys, new ProfileRightsSettings(url, Optional.of(RightsServers.tlsTrust(dir)), Optional.empty()),
                Clock.systemUTC());

        assertThat(rights.state(1).status().contentId()).isEqualTo(message.publishingLicense().contentId());
        org.sealmail.app.ui.rights.SentItemRights.SentItemState revoked = rights.revoke(1, Optional.of("typo"));
        assertThat(revoked.status().revokedAt()).isPresent();
        assertThat(revoked.status().revocationReason()).contains("typo");
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(rights.changeExpiry(1, Optional.of(later)).status().notAfter()).contains(later);
    }

    private RightsServerClient client() {
        return new RightsServerClient(transport, url, Clock.systemUTC());
    }

    private ProtectedMessage aliceProtects(List<String> to, ProtectionTemplate template,
            Optional<OnlineLicensing.DoubleKeyService> doubleKey) throws Exception {
        MimeMessage message = composed(to);
        OnlineLicensing licensing = new OnlineLicensing(url, client().currentKey().certificate(), doubleKey);
        List<java.security.cert.X509Certificate> certificates = List.of(pki.bob.certificate());
        return new ProtectedMessageBuilder(Clock.systemUTC()).withOnlineLicensing(licensing)
                .protect(message, template, pki.alice, certificates);
    }

    private static MimeMessage composed(List<String> to) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("alice@example.test", "Alice Example"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject("Merger");
        message.setText(BODY, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Sends the message over SMTP to Dan's GreenMail INBOX and reads it back over IMAP, as his client would. */
    private byte[] deliverToDan(ProtectedMessage message) throws Exception {
        return deliverToDan(message.toBytes());
    }

    private byte[] deliverToDan(byte[] rfc5322) throws Exception {
        int before = mail.greenMail().getReceivedMessagesForDomain(DAN).length;
        Session session = Session.getInstance(new Properties());
        MimeMessage outgoing = new MimeMessage(session, new ByteArrayInputStream(rfc5322));
        jakarta.mail.Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", mail.smtpPort(), null, null);
        transport.sendMessage(outgoing, new InternetAddress[] {new InternetAddress(DAN)});
        transport.close();
        MimeMessage[] received = mail.greenMail().getReceivedMessagesForDomain(DAN);
        assertThat(received.length).isGreaterThan(before);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        received[received.length - 1].writeTo(out);
        return out.toByteArray();
    }

    private ProtectedMessageOpener dan(DeviceKey device, UseLicenseCache cache, Clock clock) {
        ImapConnector mailbox = new ImapConnector(mail.account("dan"), Credentials.password(DAN,
                TestGreenMail.PASSWORD.toCharArray()), new AuthenticationGuard(new InMemoryAccountStatusStore()), Set.of());
        PasscodeSource passcodes = new MailboxPasscodeReader(mailbox, Duration.ofSeconds(20), Duration.ofMillis(200),
                Clock.systemUTC());
        OnlineLicenseRequester requester = new OnlineLicenseRequester(transport, passcodes,
                new ServerKeyPins(dir.resolve("dan-profile")), Clock.systemUTC());
        return ProtectedMessageOpener.online(device, DAN, requester, cache, clock);
    }
}
