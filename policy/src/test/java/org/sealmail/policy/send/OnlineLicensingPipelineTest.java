package org.sealmail.policy.send;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.OnlineLicensing;
import org.sealmail.crypto.rights.message.Registration;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.policy.rules.RuleSetHolder;

/**
 * The send pipeline with online licensing (docs/rights-server-api.md §3): a recipient without a
 * certificate is licensed online and the message registered before it is queued; a registration that
 * fails holds the message; with every recipient certified, no registration is needed.
 */
class OnlineLicensingPipelineTest {

    private static final URI SERVER = URI.create("https://rights.example.test");

    private final TestPki pki = TestPki.get();
    private final List<OutgoingSubmission> outbox = new ArrayList<>();
    private final List<Registration> registered = new ArrayList<>();
    private boolean refuse;

    private final OnlineLicensingPort port = new OnlineLicensingPort() {
        @Override
        public OnlineLicensing licensing() {
            return new OnlineLicensing(SERVER, pki.carol.certificate(), Optional.empty());
        }

        @Override
        public boolean doubleKey() {
            return false;
        }

        @Override
        public void register(Registration registration, CertifiedKey sender) {
            if (refuse) {
                throw new IllegalStateException("NOT_FOR_THIS_SERVER: rights_server is another URL");
            }
            assertThat(sender).isSameAs(pki.alice);
            registered.add(registration);
        }
    };

    private final OutgoingMessagePipeline pipeline = new OutgoingMessagePipeline(RuleSetHolder.withoutRulesFile(),
            address -> address.equals("bob@example.test") ? List.of(pki.bob.certificate()) : List.of(), outbox::add,
            Clock.systemUTC()).withOnlineLicensing(port);

    @Test
    void aRecipientWithoutCertificateIsLicensedOnlineAndTheMessageRegisteredBeforeItIsQueued() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(message("dan@example.test, bob@example.test"), pki.alice)
                .withChosenTemplate(ProtectionTemplate.DO_NOT_FORWARD));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        assertThat(registered).singleElement().satisfies(registration -> {
            assertThat(registration.rightsServer()).isEqualTo(SERVER);
            assertThat(registration.contentKey()).isPresent();
        });
        String queued = new String(outbox.get(0).message(), StandardCharsets.US_ASCII);
        assertThat(queued).contains("content-id=\"" + registered.get(0).contentId() + "\"; rights-server=\"" + SERVER + "\"");
    }

    @Test
    void aRefusedRegistrationHoldsTheMessage() throws Exception {
        refuse = true;
        SendResult result = pipeline.send(SendRequest.of(message("dan@example.test"), pki.alice)
                .withChosenTemplate(ProtectionTemplate.ENCRYPT));

        assertThat(result.status()).isEqualTo(SendStatus.HELD);
        assertThat(result.explanation()).contains("online licensing").contains("NOT_FOR_THIS_SERVER");
        assertThat(outbox).isEmpty();
    }

    @Test
    void withEveryRecipientCertifiedNothingIsRegistered() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(message("bob@example.test"), pki.alice)
                .withChosenTemplate(ProtectionTemplate.ENCRYPT));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        assertThat(registered).isEmpty();
        assertThat(new String(outbox.get(0).message(), StandardCharsets.US_ASCII)).doesNotContain("rights-server=");
    }

    private static MimeMessage message(String to) throws Exception {
        String text = ("From: Alice Example <alice@example.test>\nTo: " + to + "\nSubject: Plans\n"
                + "Date: Mon, 05 Jan 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
                + "The plans.\n").replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
