package org.sealmail.app.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.Verdict;

/** The rules editor over the profile's real rules file and the rules the send path uses. */
class RulesEditorViewModelTest {

    @TempDir
    Path profile;

    private static final String BROKEN = RulesFixture.RULES
            .replace("then template do-not-forward", "then template do-not-forwrd")
            .replace("when body matches /((a+)+)+$/", "when body matches /((a+)+$/");

    private RulesEditorViewModel editor(RulesFixture fixture) {
        RulesEditorViewModel model = new RulesEditorViewModel(fixture.rules(), new SameThreadTaskExecutor(), UiText.english());
        model.load();
        return model;
    }

    private static OutgoingMessage payroll() {
        return new OutgoingMessage(1, java.util.List.of("bob@example.test"), java.util.List.of(), java.util.List.of(),
                "Payroll March", "see attached", false, java.util.List.of(), ProtectionChoice.NONE, java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    @Test
    void loadShowsTheProfilesRulesFileAndHowManyRulesAreInForce() {
        RulesFixture fixture = new RulesFixture(profile, RulesFixture.RULES);

        RulesEditorViewModel model = editor(fixture);

        assertThat(model.fileProperty().get()).isEqualTo(profile.resolve("policy/protection.rules").toString());
        assertThat(model.rulesTextProperty().get()).isEqualTo(RulesFixture.RULES);
        assertThat(model.modifiedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("5 rules are in force.");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void validateListsEveryProblemWithItsLineAndTheLineCanBeFound() {
        RulesEditorViewModel model = editor(new RulesFixture(profile, RulesFixture.RULES));
        model.rulesTextProperty().set(BROKEN);

        model.validate();

        assertThat(model.problems()).extracting(RulesEditorViewModel.ProblemItem::display).containsExactly(
                "Line 8: unknown template 'do-not-forwrd' (known: encrypt, do-not-forward)",
                "Line 24: invalid regular expression /((a+)+$/: Unclosed group near index 7");
        assertThat(model.statusProperty().get()).isEqualTo("2 problems: see the list.");
        RulesEditorViewModel.LineRange line = model.lineRange(8);
        assertThat(BROKEN.substring(line.start(), line.end())).isEqualTo("  then template do-not-forwrd");
        assertThat(model.modifiedProperty().get()).isTrue();
    }

    @Test
    void saveRejectsAnInvalidFileAsAWholeAndThePreviousRulesStayInForceForSending() throws Exception {
        RulesFixture fixture = new RulesFixture(profile, RulesFixture.RULES);
        RulesEditorViewModel model = editor(fixture);
        String withoutPayroll = RulesFixture.RULES.replace("when subject contains payroll", "when subject contains salary");
        model.rulesTextProperty().set(withoutPayroll.replace("then template do-not-forward", "then template do-not-forwrd"));

        model.save();

        assertThat(model.statusProperty().get()).isEqualTo("Not saved: 1 problem (see the list). The file and the rules in"
                + " force are unchanged.");
        assertThat(model.problems()).extracting(RulesEditorViewModel.ProblemItem::line).containsExactly(8);
        assertThat(Files.readString(ProfileRules.location(profile), StandardCharsets.UTF_8)).isEqualTo(RulesFixture.RULES);
        PolicyDecision stillBlocked = fixture.pipelineOutbox.check(payroll());
        assertThat(stillBlocked.verdict()).as("the payroll rule of the previous file still applies").isEqualTo(Verdict.BLOCK);
        assertThat(model.modifiedProperty().get()).isTrue();

        model.rulesTextProperty().set(withoutPayroll);
        model.save();

        assertThat(model.statusProperty().get()).isEqualTo("Saved. 5 rules are in force.");
        assertThat(model.modifiedProperty().get()).isFalse();
        assertThat(Files.readString(ProfileRules.location(profile), StandardCharsets.UTF_8)).isEqualTo(withoutPayroll);
        assertThat(fixture.pipelineOutbox.check(payroll()).verdict()).as("the saved file is in force at once")
                .isEqualTo(Verdict.SEND);
    }

    @Test
    void aProfileWithoutARulesFileStartsEmptyAndTheFirstSaveCreatesIt() {
        RulesFixture fixture = new RulesFixture(profile, null);
        RulesEditorViewModel model = editor(fixture);
        assertThat(model.rulesTextProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("No rules are in force.");
        assertThat(fixture.pipelineOutbox.check(payroll()).verdict()).isEqualTo(Verdict.SEND);

        model.rulesTextProperty().set(RulesFixture.RULES);
        model.save();

        assertThat(ProfileRules.location(profile)).hasContent(RulesFixture.RULES);
        assertThat(fixture.pipelineOutbox.check(payroll()).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void aRulesFileBrokenAtStartIsShownWithItsProblemsAndSendingIsHeld() {
        RulesFixture fixture = new RulesFixture(profile, BROKEN);

        RulesEditorViewModel model = editor(fixture);

        assertThat(model.rulesStatusProperty().get().sendingHeld()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("The rules file was rejected (2 problems) and no earlier version"
                + " of it loaded: outgoing mail is held until it is fixed.");
        assertThat(model.problems()).extracting(RulesEditorViewModel.ProblemItem::line).containsExactly(8, 24);
        assertThat(fixture.pipelineOutbox.check(payroll()).verdict()).isEqualTo(Verdict.HOLD);
    }

    @Test
    void theTestPaneShowsWhichRulesFireWithTypeAndCountButNeverTheMatchedValues() {
        RulesEditorViewModel model = editor(new RulesFixture(profile, RulesFixture.RULES));
        model.testRecipientsProperty().set("bob@example.test");
        model.testMessageProperty().set("Please charge " + RulesFixture.CARD + " and 5500 0000 0000 0004.\n"
                + "Copy a@x.test, b@x.test, c@x.test.");

        model.testPastedText();

        assertThat(model.testResults()).containsExactly(
                "Rule \u201cCards leave the company\u201d: protect with Do Not Forward",
                "    Payment card numbers: 2",
                "    \u201crecipient outside\u201d: 1",
                "Rule \u201cAddress lists\u201d: warn",
                "    E-mail addresses: 3",
                "A rule warns: This message lists many e-mail addresses.");
        assertThat(String.join("\n", model.testResults())).doesNotContain("4111").doesNotContain("5500")
                .doesNotContain("a@x.test");
    }

    @Test
    void theTestPaneTestsTheEditedTextAgainstAnEmlFileWithoutSavingIt() throws Exception {
        RulesEditorViewModel model = editor(new RulesFixture(profile, RulesFixture.RULES));
        Path eml = profile.resolve("filing.eml");
        Files.writeString(eml, "From: alice@contoso.test\r\nTo: officer@regulator.test\r\nSubject: Filing\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Card 4111=20=\r\n1111 1111 1111\r\n");
        model.rulesTextProperty().set(RulesFixture.RULES.replace("organization contoso.test", "organization regulator.test"));

        model.testFile(eml);

        assertThat(model.testResults()).containsExactly("Message: filing.eml",
                "Rule \u201cRegulator\u201d: sign with S/MIME", "    \u201crecipient domain regulator.test\u201d: 1",
                "It will be signed with S/MIME, as a rule requires.");
        assertThat(ProfileRules.location(profile)).hasContent(RulesFixture.RULES);

        model.rulesTextProperty().set(RulesFixture.RULES);
        model.testFile(eml);
        assertThat(model.testResults()).first().isEqualTo("Message: filing.eml");
        assertThat(model.testResults()).contains("    Payment card numbers: 1");
    }

    @Test
    void decisionsNameTheRuleLineAndActionsInTheUsersWords() {
        PolicyDecision decision = new RulesFixture(profile, RulesFixture.RULES).pipelineOutbox.check(payroll());
        FiredRule payroll = decision.firedRules().get(0);

        assertThat(new DecisionText(UiText.english()).lines(decision)).containsExactly("Rule \u201cPayroll\u201d: block",
                "    \u201csubject contains payroll\u201d: 1", "Blocked: Payroll data may not be mailed. Use the HR portal.");
        assertThat(payroll.line()).isEqualTo(10);
    }
}
