package org.sealmail.policy.send;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.rules.RulesFiles;
import org.sealmail.policy.rules.Verdict;

/**
 * Every rule action end to end through the one send path: real messages in, and what reaches
 * the outbox checked the way a recipient would (opened with their key, S/MIME verified).
 */
class OutgoingMessagePipelineTest {

    @TempDir
    Path dir;

    private final TestPki pki = TestPki.get();
    private final List<OutgoingSubmission> outbox = new ArrayList<>();
    private final Map<String, List<X509Certificate>> directory = Map.of(
            "bob@example.test", List.of(pki.bob.certificate()),
            "carol@example.test", List.of(pki.carol.certificate()),
            "erin@example.test", List.of(pki.erin.certificate()));
    private Path rulesFile;
    private RuleSetHolder holder;
    private OutgoingMessagePipeline pipeline;

    @BeforeEach
    void contosoRules() throws Exception {
        rulesFile = RulesFiles.copyExample(dir);
        holder = RuleSetHolder.load(rulesFile);
        pipeline = new OutgoingMessagePipeline(holder, address -> directory.getOrDefault(address, List.of()), outbox::add,
                Clock.systemUTC());
    }

    private static MimeMessage message(String to, String subject, String body) throws Exception {
        return message(to, "", subject, body);
    }

    private static MimeMessage messageWithBcc(String to, String subject, String body) throws Exception {
        return message(to, "Bcc: carol@example.test\n", subject, body);
    }

    private static MimeMessage message(String to, String bcc, String subject, String body) throws Exception {
        String text = ("From: Alice Example <alice@example.test>\nTo: " + to + "\n" + bcc + "Subject: " + subject
                + "\nDate: Mon, 05 Jan 2026 10:00:00 +0000\nMessage-ID: <" + Math.abs(subject.hashCode())
                + "@example.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body)
                .replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private OpenResult open(CertifiedKey key, OutgoingSubmission submission) {
        return new ProtectedMessageOpener(key, new InMemoryUseLicenseCache(), Clock.systemUTC()).open(submission.message());
    }

    @Test
    void aCardNumberToOutsideIsProtectedWithDoNotForwardInTheOrganizationsBranding() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(message("bob@example.test", "Booking",
                "Please charge my Visa 4111 1111 1111 1111, exp 12/27.\n"), pki.alice));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        assertThat(result.decision().firedRules()).extracting(rule -> rule.name()).containsExactly("Card numbers leave the company");
        assertThat(result.decision().firedRules().get(0).reasons().get(0).explanation())
                .isEqualTo("1 payment card number (confidence medium or higher; the rule needs 1)");
        OutgoingSubmission queued = outbox.get(0);
        assertThat(queued.protectionTemplateId()).contains("do-not-forward");
        assertThat(queued.envelopeRecipients()).containsExactly("bob@example.test");
        String wire = new String(queued.message(), StandardCharsets.US_ASCII);
        assertThat(wire).doesNotContain("4111");

        OpenResult bob = open(pki.bob, queued);
        assertThat(bob.status()).as(bob.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(bob.rights()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD.everyone());
        assertThat(new String(bob.content().orElseThrow(), StandardCharsets.UTF_8)).contains("Visa 4111 1111 1111 1111");
        assertThat(open(pki.carol, queued).status()).isEqualTo(OpenStatus.NOT_A_RECIPIENT);

        MimeMessage outer = parse(queued.message());
        assertThat(ProtectedMessage.isProtected(outer)).isTrue();
        MimeMultipart wrapper = (MimeMultipart) ((MimeMultipart) outer.getContent()).getBodyPart(0).getContent();
        String text = (String) wrapper.getBodyPart(0).getContent();
        String html = (String) wrapper.getBodyPart(1).getContent();
        byte[] logo = Files.readAllBytes(dir.resolve("contoso-logo.png"));
        assertThat(text).startsWith("This message is protected by Contoso Ltd.")
                .contains("If you received it by mistake, please delete it and tell the sender.")
                .contains("Privacy statement: https://contoso.example/privacy");
        assertThat(html).contains("background-color:#F3F6FA").contains("data:image/png;base64," + Base64.getEncoder()
                .encodeToString(logo)).contains("<a href=\"https://contoso.example/privacy\">Privacy statement</a>");
    }

    @Test
    void aRequiredTemplateThatRefusesBccRecipientsHoldsTheMessage() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(messageWithBcc("bob@example.test", "Booking",
                "Visa 4111 1111 1111 1111\n"), pki.alice));

        assertThat(result.status()).isEqualTo(SendStatus.HELD);
        assertThat(result.explanation()).startsWith("the required protection could not be applied: the message has Bcc"
                + " recipients (carol@example.test)").endsWith("; the message was not sent");
        assertThat(outbox).isEmpty();
    }

    @Test
    void aRequireSigningRuleSendsAValidSmimeSignature() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(message("officer@regulator.example", "Quarterly filing",
                "The filing is attached.\n"), pki.alice));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        OutgoingSubmission queued = outbox.get(0);
        assertThat(queued.smimeSigned()).isTrue();
        assertThat(queued.protectionTemplateId()).isEmpty();
        assertThat(parse(queued.message()).isMimeType("multipart/signed")).isTrue();
        SignatureVerification verification = new SmimeVerifier(List.of(pki.root.issuer().certificate())).verify(queued.message());
        assertThat(verification.isFullyValid()).as(verification.status().toString()).isTrue();
        assertThat(new String(verification.signedContent(), StandardCharsets.UTF_8)).contains("The filing is attached.");
    }

    @Test
    void aCustomTemplateWithSigningIsProtectedAndTheProtectionSignatureMeetsTheSigningRule() throws Exception {
        SendResult result = pipeline.send(SendRequest.of(message("counsel@lawfirm.example, bob@example.test",
                "Re: case no. 2024-117", "Draft attached.\n"), pki.alice));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.HELD);
        assertThat(result.explanation()).isEqualTo("cannot protect the message with Legal review: No usable encryption"
                + " certificate for: counsel@lawfirm.example; it was not sent");
        assertThat(outbox).isEmpty();

        SendResult toBob = pipeline.send(SendRequest.of(message("bob@example.test", "Re: case no. 2024-117",
                "Draft attached.\n"), pki.alice));
        assertThat(toBob.status()).as(toBob.explanation()).isEqualTo(SendStatus.QUEUED);
        assertThat(toBob.decision().signingRequired()).isTrue();
        OutgoingSubmission queued = outbox.get(0);
        assertThat(queued.protectionTemplateId()).contains("legal-review");
        assertThat(queued.smimeSigned()).isFalse();
        OpenResult bob = open(pki.bob, queued);
        assertThat(bob.status()).as(bob.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(bob.publishingLicense().orElseThrow().template().name()).isEqualTo("Legal review");
    }

    @Test
    void aBlockingRuleStopsTheMessageWithItsMessage() throws Exception {
        MimeMessage payroll = parse(("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: export\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "see attachment\r\n--b\r\nContent-Type: text/csv; name=payroll-march.csv\r\n"
                + "Content-Disposition: attachment; filename=payroll-march.csv\r\n\r\nname,ssn\r\na,212-67-4532\r\n"
                + "b,455-12-9087\r\nc,601-33-2245\r\nd,536-22-8726\r\ne,772-41-1098\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII));

        SendResult result = pipeline.send(SendRequest.of(payroll, pki.alice));

        assertThat(result.status()).isEqualTo(SendStatus.BLOCKED);
        assertThat(result.explanation()).isEqualTo("Payroll files with social security numbers may not be mailed. Use the HR"
                + " portal.");
        assertThat(result.decision().firedRules().get(0).reasons()).extracting(reason -> reason.explanation())
                .containsExactly("1 attachment with a listed file name",
                        "5 US social security numbers (confidence medium or higher; the rule needs 5)");
        assertThat(result.decision().toString()).doesNotContain("212-67-4532");
        assertThat(outbox).isEmpty();
    }

    @Test
    void aWarningNeedsAnOverrideReasonWhichGoesToTheOutboxAndNotIntoTheMessage() throws Exception {
        StringBuilder addresses = new StringBuilder();
        for (int index = 0; index < 60; index++) {
            addresses.append("member").append(index).append("@club.example\n");
        }
        MimeMessage list = message("bob@example.test", "Members", "Everyone:\n" + addresses);

        SendResult first = pipeline.send(SendRequest.of(list, pki.alice));
        assertThat(first.status()).isEqualTo(SendStatus.OVERRIDE_REQUIRED);
        assertThat(first.explanation()).isEqualTo("This message contains many e-mail addresses. Use Bcc or a mailing list."
                + " To send anyway, give a reason.");
        assertThat(outbox).isEmpty();
        assertThat(pipeline.send(SendRequest.of(list, pki.alice).withOverrideReason("   ")).status())
                .isEqualTo(SendStatus.OVERRIDE_REQUIRED);

        SendResult second = pipeline.send(SendRequest.of(list, pki.alice).withOverrideReason("Club board asked for it"));
        assertThat(second.status()).isEqualTo(SendStatus.QUEUED);
        OutgoingSubmission queued = outbox.get(0);
        assertThat(queued.override().orElseThrow().reason()).isEqualTo("Club board asked for it");
        assertThat(queued.override().orElseThrow().rules()).containsExactly("Large address lists");
        assertThat(new String(queued.message(), StandardCharsets.UTF_8)).doesNotContain("Club board asked")
                .doesNotContain("Large address lists").contains("member59@club.example");
    }

    @Test
    void aRuleThatTimesOutHoldsTheMessage() throws Exception {
        Files.writeString(rulesFile, "timeout 100 ms\nrule \"Runaway\"\n  when body matches /((a+)+)+$/\n"
                + "  then template encrypt\n");
        assertThat(holder.reload().applied()).isTrue();

        SendResult result = pipeline.send(SendRequest.of(message("bob@example.test", "x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n"),
                pki.alice));

        assertThat(result.status()).isEqualTo(SendStatus.HELD);
        assertThat(result.decision().verdict()).isEqualTo(Verdict.HOLD);
        assertThat(result.explanation()).startsWith("rule 'Runaway' (" + rulesFile + " line 2) did not finish within the"
                + " 100 ms bound");
        assertThat(outbox).isEmpty();
    }

    @Test
    void withNoRulesInForceMailIsHeldUntilTheFileIsFixed() throws Exception {
        Files.writeString(rulesFile, "rule \"x\"\n  when always\n  then template missing\n");
        RuleSetHolder broken = RuleSetHolder.load(rulesFile);
        OutgoingMessagePipeline held = new OutgoingMessagePipeline(broken, address -> List.of(), outbox::add,
                Clock.systemUTC());

        SendResult result = held.send(SendRequest.of(message("bob@example.test", "hi", "hello\n"), pki.alice));

        assertThat(result.status()).isEqualTo(SendStatus.HELD);
        assertThat(result.explanation()).isEqualTo("no rules are in force: " + rulesFile + " was rejected (" + rulesFile
                + ":3: unknown template 'missing' (known: encrypt, do-not-forward)); outgoing mail is held until it is fixed");
        assertThat(outbox).isEmpty();

        Files.writeString(rulesFile, "rule \"x\"\n  when subject contains never\n  then block \"no\"\n");
        broken.reload();
        assertThat(held.send(SendRequest.of(message("bob@example.test", "hi", "hello\n"), pki.alice)).status())
                .isEqualTo(SendStatus.QUEUED);
    }

    @Test
    void aMessageNoRuleMatchesIsQueuedAsComposed() throws Exception {
        MimeMessage plain = messageWithBcc("bob@example.test", "Lunch", "Noon at the usual place?\n");

        SendResult result = pipeline.send(new SendRequest(plain, java.util.Optional.empty(), java.util.Optional.empty(),
                false, false, java.util.Optional.empty()));

        assertThat(result.status()).isEqualTo(SendStatus.QUEUED);
        assertThat(result.decision()).isEqualTo(org.sealmail.policy.rules.PolicyDecision.noRuleFired());
        OutgoingSubmission queued = outbox.get(0);
        assertThat(new String(queued.message(), StandardCharsets.UTF_8)).contains("Noon at the usual place?")
                .contains("Bcc: carol@example.test");
        assertThat(queued.envelopeSender()).isEqualTo("alice@example.test");
        assertThat(queued.protectionTemplateId()).isEmpty();
    }

    @Test
    void theStrongerOfTheUsersAndTheRulesTemplateIsApplied() throws Exception {
        MimeMessage bank = message("bob@example.test", "Bank details", "as discussed\n");

        SendResult userDnf = pipeline.send(SendRequest.of(bank, pki.alice).withChosenTemplate(ProtectionTemplate.DO_NOT_FORWARD));
        assertThat(userDnf.decision().template().orElseThrow().template()).isEqualTo(ProtectionTemplate.ENCRYPT);
        assertThat(outbox.get(0).protectionTemplateId()).contains("do-not-forward");
        assertThat(open(pki.bob, outbox.get(0)).rights()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD.everyone());
        assertThat(new String(outbox.get(0).message(), StandardCharsets.US_ASCII)).contains("Contoso Ltd.");

        MimeMessage cards = message("bob@example.test", "Card", "card 4111 1111 1111 1111\n");
        pipeline.send(SendRequest.of(cards, pki.alice).withChosenTemplate(ProtectionTemplate.ENCRYPT));
        assertThat(outbox.get(1).protectionTemplateId()).contains("do-not-forward");
    }

    @Test
    void aTemplateTheUserChoseWithoutAnyRuleFiringIsWrappedInTheRulesFilesBranding() throws Exception {
        MimeMessage lunch = message("bob@example.test", "Lunch", "Noon at the usual place?\n");

        SendResult result = pipeline.send(SendRequest.of(lunch, pki.alice).withChosenTemplate(ProtectionTemplate.ENCRYPT));

        assertThat(result.decision().firedRules()).isEmpty();
        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        MimeMultipart wrapper = (MimeMultipart) ((MimeMultipart) parse(outbox.get(0).message()).getContent()).getBodyPart(0)
                .getContent();
        assertThat((String) wrapper.getBodyPart(0).getContent()).startsWith("This message is protected by Contoso Ltd.");
        assertThat((String) wrapper.getBodyPart(1).getContent()).contains("background-color:#F3F6FA");
    }

    @Test
    void theUsersSmimeChoiceSignsThenEncryptsForEveryRecipientAndTheSender() throws Exception {
        MimeMessage lunch = messageWithBcc("bob@example.test", "Lunch", "Noon at the usual place?\n");

        SendResult result = pipeline.send(SendRequest.of(lunch, pki.alice).withSmime(true, true));

        assertThat(result.status()).as(result.explanation()).isEqualTo(SendStatus.QUEUED);
        assertThat(result.explanation()).isEqualTo("queued in the outbox, signed and encrypted with S/MIME");
        OutgoingSubmission queued = outbox.get(0);
        assertThat(queued.smimeSigned()).isTrue();
        assertThat(queued.smimeEncrypted()).isTrue();
        assertThat(parse(queued.message()).isMimeType("application/pkcs7-mime")).isTrue();
        for (CertifiedKey key : List.of(pki.bob, pki.carol, pki.alice)) {
            byte[] entity = new SmimeDecryptor().decrypt(queued.message(), List.of(key)).entity();
            assertThat(new String(entity, StandardCharsets.UTF_8)).contains("multipart/signed");
        }

        SendResult toStranger = pipeline.send(SendRequest.of(message("nobody@example.test", "Lunch", "Noon?\n"), pki.alice)
                .withSmime(false, true));
        assertThat(toStranger.status()).isEqualTo(SendStatus.HELD);
        assertThat(toStranger.explanation()).startsWith("cannot protect the message with S/MIME encryption: ")
                .contains("nobody@example.test");
        assertThat(outbox).hasSize(1);
    }

    @Test
    void protectionWithoutASenderKeyIsHeldNotSentPlain() throws Exception {
        MimeMessage cards = message("bob@example.test", "Card", "card 4111 1111 1111 1111\n");

        SendResult result = pipeline.send(new SendRequest(cards, java.util.Optional.empty(), java.util.Optional.empty(), false,
                false, java.util.Optional.empty()));

        assertThat(result.status()).isEqualTo(SendStatus.HELD);
        assertThat(result.explanation()).isEqualTo("protection with Do Not Forward needs the sender's key and certificate,"
                + " and no sender key is available; the message was not sent");
        assertThat(outbox).isEmpty();
    }
}
