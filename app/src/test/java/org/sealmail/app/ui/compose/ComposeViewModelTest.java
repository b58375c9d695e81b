package org.sealmail.app.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.reader.SampleMessages;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;

class ComposeViewModelTest {

    private final FakeComposeServices services = new FakeComposeServices();
    private final ComposeViewModel model = new ComposeViewModel(1, services, services, services,
            List.of(new TemplateOption("encrypt", "Encrypt", true), new TemplateOption("do-not-forward", "Do Not Forward", true),
                    new TemplateOption("board-only", "Board only (30 days)", false)),
            new SameThreadTaskExecutor(), UiText.english());

    @Test
    void theProtectionTogglesExcludeEachOther() {
        model.signProperty().set(true);
        model.encryptProperty().set(true);
        assertThat(model.signProperty().get()).isFalse();
        assertThat(model.protection()).isEqualTo(new ProtectionChoice(Optional.of("encrypt"), false, false));

        model.doNotForwardProperty().set(true);
        assertThat(model.encryptProperty().get()).isFalse();
        assertThat(model.protection().templateId()).contains("do-not-forward");

        model.customTemplateProperty().set(model.customTemplates().get(0));
        assertThat(model.doNotForwardProperty().get()).isFalse();
        assertThat(model.protection().templateId()).contains("board-only");

        model.smimeEncryptProperty().set(true);
        model.signProperty().set(true);
        assertThat(model.customTemplateProperty().get()).isNull();
        assertThat(model.protection()).isEqualTo(new ProtectionChoice(Optional.empty(), true, true));
    }

    @Test
    void sendingIsBlockedWithAListWhenARecipientCannotBeProtected() {
        model.toProperty().set("Alice <alice@example.org>, carol@example.net");
        model.ccProperty().set("not an address");
        model.smimeEncryptProperty().set(true);

        assertThat(model.send()).isFalse();

        assertThat(model.readiness()).containsExactly(
                new RecipientReadiness("alice@example.org", RecipientReadiness.Status.READY),
                new RecipientReadiness("carol@example.net", RecipientReadiness.Status.NO_CERTIFICATE),
                new RecipientReadiness("not an address", RecipientReadiness.Status.INVALID_ADDRESS));
        assertThat(model.blockedReasons()).containsExactly(
                "No certificate is known for carol@example.net, so the message cannot be encrypted for them.",
                "not an address is not a valid address.");
        assertThat(model.errorProperty().get()).isEqualTo("Sending is blocked: see the list above.");
        assertThat(services.sent).isEmpty();
    }

    @Test
    void doNotForwardIsBlockedWhenTheRightsServerIsUnreachableForAnUnknownRecipient() {
        services.rightsServerReachable = false;
        model.toProperty().set("carol@example.net");
        model.doNotForwardProperty().set(true);

        model.send();

        assertThat(model.blockedReasons()).containsExactly("The rights server for carol@example.net cannot be reached.");
        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.EDITING);
        assertThat(model.errorProperty().get()).isEqualTo("Sending is blocked: see the list above.");
        assertThat(services.sent).isEmpty();
    }

    @Test
    void sendsThroughTheOutboxWithProgressAndDeletesTheDraft() {
        model.toProperty().set("Bob <bob@example.org>");
        model.subjectProperty().set("Board numbers");
        model.bodyProperty().set("See attached.");
        model.doNotForwardProperty().set(true);
        model.saveDraft();
        assertThat(model.draftId()).hasValue(1);

        assertThat(model.send()).isTrue();

        assertThat(services.sent).hasSize(1);
        OutgoingMessage sent = services.sent.get(0);
        assertThat(sent.to()).containsExactly("bob@example.org");
        assertThat(sent.protection().templateId()).contains("do-not-forward");
        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        assertThat(model.statusProperty().get()).isEqualTo("Sent.");
        assertThat(services.deletedDrafts).containsExactly(1L);
    }

    @Test
    void aFailedSendShowsTheErrorAndSaysTheMessageStaysQueued() {
        services.sendFailure = new SendFailure("535 authentication failed", true, null);
        model.toProperty().set("bob@example.org");

        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(model.errorProperty().get()).isEqualTo(
                "Sending failed: 535 authentication failed. The message stays in the outbox and will be retried.");
    }

    @Test
    void warningRulesAskForAReasonAndTheReasonGoesWithTheMessage() {
        services.warning = "Rule 'external': the message goes outside the company.";
        model.toProperty().set("bob@example.org");

        model.send();
        assertThat(model.overrideRequestedProperty().get()).isTrue();
        assertThat(model.errorProperty().get())
                .isEqualTo("Not sent yet: Rule 'external': the message goes outside the company.");
        assertThat(services.sent).isEmpty();

        model.overrideReasonProperty().set("  customer asked for it  ");
        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.SENT);
        assertThat(services.sent.get(0).overrideReason()).contains("customer asked for it");
        assertThat(model.overrideRequestedProperty().get()).isFalse();
    }

    @Test
    void autosaveSavesOnlyWhenSomethingChanged() {
        model.saveDraftIfDirty();
        assertThat(services.savedDrafts).isEmpty();

        model.subjectProperty().set("Draft");
        model.saveDraftIfDirty();
        model.saveDraftIfDirty();

        assertThat(services.savedDrafts).hasSize(1);
        assertThat(model.statusProperty().get()).isEqualTo("Draft saved.");
    }

    @Test
    void aReplyToADoNotForwardMessageStaysDoNotForward() {
        model.prefillReply(SampleMessages.doNotForward(), true, "bob@example.org");

        assertThat(model.doNotForwardProperty().get()).isTrue();
        assertThat(model.subjectProperty().get()).isEqualTo("Re: Board numbers");
        assertThat(model.toProperty().get()).isEqualTo("Alice <alice@example.org>");
        assertThat(model.ccProperty().get()).isEmpty();
    }

    @Test
    void attachesFilesAndCompletesAddresses(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

        model.attach(file);

        assertThat(model.attachments()).hasSize(1);
        assertThat(model.attachments().get(0).fileName()).isEqualTo("notes.txt");
        assertThat(model.attachments().get(0).bytes()).isEqualTo("hello".getBytes());
        assertThat(model.completions("al")).containsExactly("Albert <albert@example.com>", "Alice Example <alice@example.org>");
    }

    @Test
    void aRulesTemplateWeakerThanTheUsersChoiceLocksButDoesNotLowerItAndSendingGoesAhead() {
        org.sealmail.crypto.rights.template.ProtectionTemplate encrypt = org.sealmail.crypto.rights.template.ProtectionTemplate.ENCRYPT;
        services.decision = new org.sealmail.policy.rules.PolicyDecision(org.sealmail.policy.rules.Verdict.SEND,
                List.of(new org.sealmail.policy.rules.FiredRule("Bank details", 3, List.of(new org.sealmail.policy.rules.MatchReason(
                        "sensitive iban >= 1", Optional.of(org.sealmail.policy.detect.SensitiveType.IBAN), 2, "2 IBANs")),
                        List.of(new org.sealmail.policy.rules.RuleAction.ApplyTemplate(encrypt,
                                org.sealmail.policy.branding.BrandingTemplate.DEFAULT)))),
                Optional.of(new org.sealmail.policy.rules.AppliedTemplate(encrypt,
                        org.sealmail.policy.branding.BrandingTemplate.DEFAULT, "Bank details")),
                false, Optional.empty(), List.of(), Optional.empty());
        model.toProperty().set("bob@example.org");
        model.doNotForwardProperty().set(true);

        model.send();

        assertThat(model.doNotForwardProperty().get()).as("Do Not Forward is stronger than the rule's Encrypt").isTrue();
        assertThat(model.templateLockedProperty().get()).isTrue();
        assertThat(model.ruleLines()).containsExactly("Rule \u201cBank details\u201d: protect with Encrypt", "    IBANs: 2",
                "It will be sent protected with Encrypt (rule \u201cBank details\u201d).");
        assertThat(services.checked).hasSize(1);
        assertThat(services.sent).singleElement().satisfies(sent -> assertThat(sent.protection().templateId())
                .contains("do-not-forward"));
    }

    @Test
    void aHeldDecisionRefusesToSendAndSaysWhy() {
        services.decision = org.sealmail.policy.rules.PolicyDecision.held("no rules are in force", List.of());
        model.toProperty().set("bob@example.org");

        model.send();

        assertThat(model.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(model.errorProperty().get()).isEqualTo("Not sent: no rules are in force");
        assertThat(model.ruleLines()).containsExactly("Held, not sent: no rules are in force");
        assertThat(services.sent).isEmpty();
    }
}
