package org.sealmail.app.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.rules.RulesFixture;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.policy.send.OutgoingSubmission;

/**
 * Each rule action end to end through the composer's send path: the composer's view-model, the
 * real {@link org.sealmail.app.sending.PipelineOutbox} and {@link org.sealmail.policy.send.OutgoingMessagePipeline}
 * over the profile's rules file, and what reaches the outbox checked as a recipient would
 * (opened with Bob's key, the S/MIME signature verified against the TestPki root) — or nothing.
 */
class ComposeRulesTest {

    @TempDir
    Path profile;

    private RulesFixture fixture;
    private ComposeViewModel model;

    private void compose(String rules, String to, String subject, String body) {
        fixture = new RulesFixture(profile, rules);
        model = fixture.composer(new SameThreadTaskExecutor());
        model.toProperty().set(to);
        model.subjectProperty().set(subject);
        model.bodyProperty().set(body);
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void aTemplateRuleSwitchesAndLocksTheProtectionSaysWhyAndTheOutboxGetsTheProtectedMessage() throws Exception {
        compose(RulesFixture.RULES, "Bob <bob@example.test>", "Booking", "Please charge my Visa " + RulesFixture.CARD
                + ", exp 12/27.");

        assertThat(model.send()).isTrue();

        assertThat(model.doNotForwardProperty().get()).isTrue();
        assertThat(model.templateLockedProperty().get()).isTrue();
        assertThat(model.protectionLockProperty().get()).isEqualTo("Rule \u201cCards leave the company\u201d requires Do Not"
                + " Forward: the protection was set to it and cannot be lowered for this message.");
        assertThat(model.ruleLines()).containsExactly("Rule \u201cCards leave the company\u201d: protect with Do Not Forward",
                "    Payment card numbers: 1", "    \u201crecipient outside\u201d: 1",
                "It will be sent protected with Do Not Forward (rule \u201cCards leave the company\u201d).");
        assertThat(model.errorProperty().get()).isEqualTo("The protection rules changed the protection (see above). Check it"
                + " and press Send again.");
        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.EDITING);
        assertThat(fixture.outbox).as("nothing is sent before the user saw the protection").isEmpty();

        assertThat(model.send()).isTrue();

        assertThat(model.stateProperty().get()).as(model.errorProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        OutgoingSubmission queued = fixture.outbox.get(0);
        assertThat(queued.protectionTemplateId()).contains("do-not-forward");
        assertThat(queued.firedRules()).containsExactly("Cards leave the company");
        assertThat(new String(queued.message(), StandardCharsets.US_ASCII)).doesNotContain("4111");
        assertThat(ProtectedMessage.isProtected(parse(queued.message()))).isTrue();
        OpenResult bob = new ProtectedMessageOpener(fixture.pki.bob, new InMemoryUseLicenseCache(), Clock.systemUTC())
                .open(queued.message());
        assertThat(bob.status()).as(bob.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(bob.rights()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD.everyone());
        assertThat(new String(bob.content().orElseThrow(), StandardCharsets.UTF_8)).contains(RulesFixture.CARD);
        assertThat(String.join("\n", model.ruleLines()) + model.protectionLockProperty().get() + model.errorProperty().get()
                + model.statusProperty().get()).doesNotContain("4111");
    }

    @Test
    void aSigningRuleTurnsSignOnAndTheOutboxGetsAValidSmimeSignature() throws Exception {
        compose(RulesFixture.RULES, "officer@regulator.test", "Quarterly filing", "The filing is attached.");

        model.send();

        assertThat(model.signProperty().get()).isTrue();
        assertThat(model.signLockedProperty().get()).isTrue();
        assertThat(model.protectionLockProperty().get()).isEqualTo("Rule \u201cRegulator\u201d requires S/MIME signing: Sign"
                + " was turned on.");
        assertThat(fixture.outbox).isEmpty();

        model.send();

        assertThat(model.stateProperty().get()).as(model.errorProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        OutgoingSubmission queued = fixture.outbox.get(0);
        assertThat(queued.smimeSigned()).isTrue();
        assertThat(parse(queued.message()).isMimeType("multipart/signed")).isTrue();
        SignatureVerification verification = new SmimeVerifier(List.of(fixture.pki.root.issuer().certificate()))
                .verify(queued.message());
        assertThat(verification.isFullyValid()).as(verification.status().toString()).isTrue();
        assertThat(new String(verification.signedContent(), StandardCharsets.UTF_8)).contains("The filing is attached.");
    }

    @Test
    void aBlockingRuleShowsTheUsersMessageAndRefusesToSend() {
        compose(RulesFixture.RULES, "bob@example.test", "Payroll March", "Figures attached.");

        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(model.errorProperty().get()).isEqualTo("Not sent. A protection rule blocks this message: Payroll data may"
                + " not be mailed. Use the HR portal.");
        assertThat(model.ruleLines()).startsWith("Rule \u201cPayroll\u201d: block");
        assertThat(fixture.outbox).isEmpty();

        model.send();
        assertThat(fixture.outbox).as("a second attempt is refused too").isEmpty();
    }

    @Test
    void aWarningRuleAsksForAReasonAndSendsWithTheOverrideRecorded() {
        compose(RulesFixture.RULES, "bob@example.test", "Guests", "Invite a@x.test, b@x.test and c@x.test.");

        model.send();

        assertThat(model.overrideRequestedProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isEqualTo("Not sent yet: This message lists many e-mail addresses.");
        assertThat(fixture.outbox).isEmpty();

        model.overrideReasonProperty().set("the guests agreed to share their addresses");
        model.send();

        assertThat(model.stateProperty().get()).as(model.errorProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        OutgoingSubmission queued = fixture.outbox.get(0);
        assertThat(queued.override().orElseThrow().reason()).isEqualTo("the guests agreed to share their addresses");
        assertThat(queued.override().orElseThrow().rules()).containsExactly("Address lists");
        assertThat(new String(queued.message(), StandardCharsets.UTF_8)).doesNotContain("the guests agreed");
    }

    @Test
    void aRuleThatTimesOutHoldsTheMessageAndNothingIsSentUnprotected() {
        compose(RulesFixture.RULES, "bob@example.test", "runaway", "a".repeat(30) + "b");

        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(model.errorProperty().get()).startsWith("Not sent: rule 'Runaway' (")
                .endsWith("line 22) did not finish within the 200 ms bound (a regular expression that backtracks"
                        + " catastrophically?); the message is held, not sent");
        assertThat(fixture.outbox).isEmpty();
    }

    @Test
    void aRulesFileThatFailsToParseAtStartHoldsSendingAndTheComposerSaysSo() {
        compose(RulesFixture.RULES.replace("then template do-not-forward", "then template do-not-forwrd"),
                "bob@example.test", "Lunch", "Noon?");

        model.checkRules();
        assertThat(model.ruleLines()).singleElement().asString().startsWith("Held, not sent: no rules are in force: "
                + profile.resolve("policy/protection.rules") + " was rejected (")
                .contains(":8: unknown template 'do-not-forwrd'");

        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(model.errorProperty().get()).startsWith("Not sent: no rules are in force").endsWith(
                "outgoing mail is held until it is fixed");
        assertThat(fixture.outbox).isEmpty();
        assertThat(fixture.directory.sent).isEmpty();
    }

    private static byte[] onePixelPng() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    @Test
    void protectedMailFromTheComposerIsWrappedInTheRulesFilesBranding() throws Exception {
        Path policy = org.sealmail.app.ui.rules.ProfileRules.location(profile).getParent();
        byte[] logo = onePixelPng();
        RulesFixture.write(policy.resolve("acme.branding"), """
                name = acme
                intro = This message is protected by ACME Corp.
                disclaimer = For the addressees only.
                privacy-url = https://acme.example/privacy
                logo = acme.png
                background = #F3F6FA
                """);
        java.nio.file.Files.write(policy.resolve("acme.png"), logo);
        compose("branding acme = acme.branding\ndefault-branding acme\n" + RulesFixture.RULES, "bob@example.test",
                "Lunch", "Noon at the usual place?");
        model.encryptProperty().set(true);

        model.send();

        assertThat(model.ruleLines()).as("no rule fired: the user chose Encrypt").isEmpty();
        assertThat(model.stateProperty().get()).as(model.errorProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        OutgoingSubmission queued = fixture.outbox.get(0);
        assertThat(queued.protectionTemplateId()).contains("encrypt");
        jakarta.mail.internet.MimeMultipart wrapper = (jakarta.mail.internet.MimeMultipart)
                ((jakarta.mail.internet.MimeMultipart) parse(queued.message()).getContent()).getBodyPart(0).getContent();
        String text = (String) wrapper.getBodyPart(0).getContent();
        String html = (String) wrapper.getBodyPart(1).getContent();
        assertThat(text).startsWith("This message is protected by ACME Corp.").contains("For the addressees only.")
                .contains("Privacy statement: https://acme.example/privacy");
        assertThat(html).contains("<strong>This message is protected by ACME Corp.</strong>")
                .contains("background-color:#F3F6FA")
                .contains("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(logo))
                .contains("<a href=\"https://acme.example/privacy\">");
    }
}
