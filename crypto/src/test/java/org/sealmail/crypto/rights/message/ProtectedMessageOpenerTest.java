package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.ProtectionTemplateFile;
import org.sealmail.crypto.testing.TestPki;

class ProtectedMessageOpenerTest {

    private static final String TO = "bob@example.test, erin@example.test";

    private final TestPki pki = TestPki.get();
    private final MutableClock clock = new MutableClock();

    private ProtectedMessage protect(ProtectionTemplate template) {
        return new ProtectedMessageBuilder(clock).protect(TestMessages.message(TO), template, pki.alice,
                List.of(pki.bob.certificate(), pki.erin.certificate(), pki.carol.certificate()));
    }

    private OpenResult open(CertifiedKey key, ProtectedMessage message) {
        return new ProtectedMessageOpener(key, new InMemoryUseLicenseCache(), clock).open(message.toBytes());
    }

    @Test
    void bobOpensAnEncryptMessageWithTheEncryptRightsAndTheExactContent() {
        ProtectedMessage message = protect(ProtectionTemplate.ENCRYPT);

        OpenResult result = open(pki.bob, message);

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.refusal()).isEmpty();
        assertThat(result.rights()).isEqualTo(ProtectionTemplate.ENCRYPT.everyone());
        assertThat(result.source()).contains(LicenseSource.PRIVATE_KEY);
        assertThat(new String(result.content().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(TestMessages.text(TO));
        assertThat(result.publishingLicense().orElseThrow().issuer()).isEqualTo("alice@example.test");
        assertThat(result.publishingLicense().orElseThrow().template()).isEqualTo(ProtectionTemplate.ENCRYPT);
    }

    @Test
    void erinOpensADoNotForwardMessageWithHerEcKey() {
        OpenResult result = open(pki.erin, protect(ProtectionTemplate.DO_NOT_FORWARD));

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.rights()).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
    }

    @Test
    void theSenderOpensWhatTheySentWithEveryRight() {
        OpenResult result = open(pki.alice, protect(ProtectionTemplate.DO_NOT_FORWARD));

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.rights()).isEqualTo(UsageRights.of(UsageRight.OWNER));
        assertThat(result.rights().allows(UsageRight.EXPORT)).isTrue();
    }

    @Test
    void aCertificateHolderWhoIsNotARecipientIsRefused() {
        ProtectedMessage message = new ProtectedMessageBuilder(clock).protect(TestMessages.message("bob@example.test"),
                ProtectionTemplate.ENCRYPT, pki.alice, List.of(pki.bob.certificate()));

        OpenResult result = open(pki.carol, message);

        assertThat(result.status()).isEqualTo(OpenStatus.NOT_A_RECIPIENT);
        assertThat(result.refusal()).contains(Refusal.NOT_A_RECIPIENT);
        assertThat(result.reason()).contains("none of its 2 RecipientInfos names your certificate (carol@example.test)");
        assertThat(result.content()).isEmpty();
    }

    @Test
    void theSecondOpenIsServedFromTheCachedUseLicense() {
        ProtectedMessage message = protect(ProtectionTemplate.DO_NOT_FORWARD);
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        ProtectedMessageOpener opener = new ProtectedMessageOpener(pki.bob, cache, clock);
        Instant firstOpen = clock.instant();

        OpenResult first = opener.open(message.toBytes());
        clock.advance(Duration.ofDays(2));
        OpenResult second = opener.open(message.toBytes());

        assertThat(first.source()).contains(LicenseSource.PRIVATE_KEY);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.find(message.publishingLicense().contentId(), "bob@example.test").orElseThrow().notAfter())
                .isEqualTo(firstOpen.plus(Duration.ofDays(ProtectionTemplate.DEFAULT_OFFLINE_DAYS)));
        assertThat(second.status()).as(second.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(second.source()).contains(LicenseSource.CACHED_USE_LICENSE);
        assertThat(second.rights()).isEqualTo(first.rights());
        assertThat(second.notAfter()).isEqualTo(first.notAfter());
        assertThat(second.content().orElseThrow()).isEqualTo(first.content().orElseThrow());
    }

    @Test
    void afterTheOfflinePeriodTheLicenseIsDerivedAgainWithThePrivateKey() {
        ProtectedMessage message = protect(ProtectionTemplate.DO_NOT_FORWARD);
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        ProtectedMessageOpener opener = new ProtectedMessageOpener(pki.bob, cache, clock);
        opener.open(message.toBytes());

        clock.advance(Duration.ofDays(ProtectionTemplate.DEFAULT_OFFLINE_DAYS));
        OpenResult again = opener.open(message.toBytes());

        assertThat(again.status()).isEqualTo(OpenStatus.OPENED);
        assertThat(again.source()).contains(LicenseSource.PRIVATE_KEY);
        assertThat(again.notAfter()).contains(clock.instant().plus(Duration.ofDays(ProtectionTemplate.DEFAULT_OFFLINE_DAYS)));
    }

    @Test
    void expiryIsCheckedOnEveryOpenAndAnExpiredMessageGivesNoContent() {
        ProtectionTemplate oneDay = new ProtectionTemplate("custom:one-day", "One day", ProtectionTemplate.ENCRYPT.everyone(),
                List.of(), new Expiry.After(Duration.ofDays(1)), 7);
        ProtectedMessage message = protect(oneDay);
        Instant expiry = clock.instant().plus(Duration.ofDays(1));
        ProtectedMessageOpener bob = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock);

        OpenResult before = bob.open(message.toBytes());
        clock.advance(Duration.ofHours(23));
        OpenResult cachedBefore = bob.open(message.toBytes());
        clock.advance(Duration.ofHours(1));
        OpenResult after = bob.open(message.toBytes());

        assertThat(before.status()).isEqualTo(OpenStatus.OPENED);
        assertThat(before.notAfter()).contains(expiry);
        assertThat(cachedBefore.source()).contains(LicenseSource.CACHED_USE_LICENSE);
        assertThat(after.status()).isEqualTo(OpenStatus.EXPIRED);
        assertThat(after.refusal()).contains(Refusal.MESSAGE_EXPIRED);
        assertThat(after.reason()).isEqualTo("this message expired at " + expiry);
        assertThat(after.content()).isEmpty();
        assertThat(after.rights()).isEqualTo(UsageRights.none());
        assertThat(after.publishingLicense()).isPresent();
        assertThat(open(pki.alice, message).status()).as("the sender can always open what they sent")
                .isEqualTo(OpenStatus.OPENED);
    }

    @Test
    void recipientsWithoutACertificateAreAllListedAndNothingIsBuilt() {
        CertifiedKey expiredCarol = pki.intermediate.issue(EmailCertificateSpec.forAddress("carol@example.test",
                KeyAlgorithm.EC_P256).validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))));
        MimeMessage message = TestMessages.message("bob@example.test, carol@example.test, dave@example.test");

        assertThatThrownBy(() -> new ProtectedMessageBuilder(clock).protect(message, ProtectionTemplate.ENCRYPT, pki.alice,
                List.of(pki.bob.certificate(), expiredCarol.certificate())))
                .isInstanceOfSatisfying(MissingRecipientCertificateException.class, e -> {
                    assertThat(e.recipients()).containsExactly("carol@example.test", "dave@example.test");
                    assertThat(e.failure()).isEqualTo(CryptoFailure.RECIPIENT_CERTIFICATE_MISSING);
                })
                .hasMessage("No usable encryption certificate for: carol@example.test, dave@example.test");
    }

    @Test
    void aTemplateThatGrantsARecipientNothingIsRefused() {
        ProtectionTemplate boardOnly = ProtectionTemplateFile.parse("name = Board\nrights[@board.example] = VIEW\n", "board");

        assertThatThrownBy(() -> protect(boardOnly)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessage("template 'Board' grants no rights to: bob@example.test, erin@example.test");
    }

    @Test
    void theSendersCertificateMustNameFrom() {
        assertThatThrownBy(() -> new ProtectedMessageBuilder(clock).protect(TestMessages.message(TO),
                ProtectionTemplate.ENCRYPT, pki.carol, List.of(pki.bob.certificate(), pki.erin.certificate())))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.CERTIFICATE))
                .hasMessageContaining("names carol@example.test, not the From address alice@example.test");
    }

    @Test
    void aBccRecipientIsRefusedBecauseEveryRecipientReadsThePublishingLicenseThatWouldNameThem() {
        // Every recipient decrypts the publishing license, and its grants name each licensee: a Bcc
        // recipient protected in the same message would be disclosed to the To and Cc recipients.
        String text = TestMessages.text("bob@example.test").replace("Subject:", "Bcc: carol@example.test\r\nSubject:");

        assertThatThrownBy(() -> new ProtectedMessageBuilder(clock).protect(TestMessages.parse(text.getBytes(
                StandardCharsets.UTF_8)), ProtectionTemplate.ENCRYPT, pki.alice, List.of(pki.bob.certificate(),
                        pki.carol.certificate())))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessageContaining("Bcc recipients (carol@example.test)")
                .hasMessageContaining("protect a separate copy for each Bcc recipient");
    }

    @Test
    void controlCharactersInTheSendersNameDoNotAddLinesToTheWrapper() throws Exception {
        String text = TestMessages.text("bob@example.test").replace("From: Alice Example <",
                "From: =?UTF-8?Q?Alice=0D=0A=0D=0AYour_account_is_locked?= <");
        ProtectedMessage message = new ProtectedMessageBuilder(clock).protect(TestMessages.parse(text.getBytes(
                StandardCharsets.UTF_8)), ProtectionTemplate.ENCRYPT, pki.alice, List.of(pki.bob.certificate()));

        String wrapperText = ProtectedMimeStructure.parse(TestMessages.parse(message.toBytes())).wrapper().text();
        assertThat(wrapperText).contains("From: Alice Your account is locked <alice@example.test>\r\n")
                .doesNotContain("\r\nYour account");
        assertThat(open(pki.bob, message).opened()).isTrue();
    }

    @Test
    void theOuterMessageShowsOnlyAddressesSubjectAndAWrapper() throws Exception {
        ProtectedMessage message = new ProtectedMessageBuilder(clock).withRightsServer(URI.create("https://rights.example.test/"))
                .protect(TestMessages.message(TO), ProtectionTemplate.DO_NOT_FORWARD, pki.alice,
                        List.of(pki.bob.certificate(), pki.erin.certificate()));
        String wire = new String(message.toBytes(), StandardCharsets.US_ASCII);
        MimeMessage outer = TestMessages.parse(message.toBytes());

        assertThat(wire).doesNotContain("Revenue").doesNotContain("Do Not Forward");
        List<String> headers = new ArrayList<>();
        for (jakarta.mail.Header header : Collections.list(outer.getAllHeaders())) {
            headers.add(header.getName());
        }
        assertThat(headers).containsExactlyInAnyOrder("From", "To", "Subject", "Date", "Message-ID", "X-Sealmail-Protection",
                "MIME-Version", "Content-Type");
        assertThat(outer.getSubject()).isEqualTo("Quarterly figures");
        assertThat(outer.getMessageID()).isEqualTo("<figures-2026@example.test>");
        assertThat(outer.getHeader("X-Sealmail-Protection", null))
                .isEqualTo("version=1; content-id=\"" + message.publishingLicense().contentId() + "\"");
        assertThat(outer.isMimeType("multipart/mixed")).isTrue();
        MimeMultipart mixed = (MimeMultipart) outer.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("This message is protected with Sealmail.")
                .contains("From: Alice Example <alice@example.test>").contains("https://rights.example.test/");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("From: Alice Example &lt;alice@example.test&gt;")
                .contains("<a href=\"https://rights.example.test/\">");
        BodyPart blob = mixed.getBodyPart(1);
        assertThat(blob.getContentType()).startsWith("application/vnd.sealmail.protected+der");
        assertThat(blob.getFileName()).isEqualTo("message.sealmail");
        assertThat(blob.getDisposition()).isEqualTo("attachment");
        assertThat(blob.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(message.publishingLicense().rightsServer()).contains(URI.create("https://rights.example.test/"));
        assertThat(ProtectedMessage.isProtected(outer)).isTrue();
        assertThat(ProtectedMessage.isProtected(TestMessages.message(TO))).isFalse();
        assertThat(open(pki.bob, message).status()).isEqualTo(OpenStatus.OPENED);
    }

    @Test
    void theIssuersPathIsValidatedWhenTrustAnchorsAreGiven() {
        byte[] wire = protect(ProtectionTemplate.ENCRYPT).toBytes();

        OpenResult trusted = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock)
                .withTrustAnchors(List.of(pki.root.issuer().certificate())).open(wire);
        OpenResult untrusted = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock)
                .withTrustAnchors(List.of(pki.carol.certificate())).open(wire);

        assertThat(trusted.issuerPath().orElseThrow().trusted()).isTrue();
        assertThat(untrusted.status()).isEqualTo(OpenStatus.OPENED);
        assertThat(untrusted.issuerPath().orElseThrow().trusted()).isFalse();
        assertThat(open(pki.bob, protect(ProtectionTemplate.ENCRYPT)).issuerPath()).isEmpty();
    }
}
