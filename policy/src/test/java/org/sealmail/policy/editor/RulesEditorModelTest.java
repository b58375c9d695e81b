package org.sealmail.policy.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.rules.RulesFiles;

/** Validate, save and reload as the rules editor does them. */
class RulesEditorModelTest {

    @TempDir
    Path dir;

    @Test
    void validationReportsProblemsWithLinesWithoutTouchingTheFile() throws Exception {
        Path file = RulesFiles.copyExample(dir);
        RulesEditorModel editor = new RulesEditorModel(RuleSetHolder.load(file));

        assertThat(editor.validate(editor.savedText())).isEmpty();
        String broken = editor.savedText().replace("then template legal", "then template legl");
        assertThat(editor.isModified(broken)).isTrue();
        assertThat(editor.validate(broken)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(22);
            assertThat(problem.reason()).isEqualTo("unknown template 'legl' (known: encrypt, do-not-forward, legal)");
        });
        assertThat(Files.readString(file)).isEqualTo(RulesFiles.exampleText());
    }

    @Test
    void saveWritesOnlyValidTextAndPutsItInForce() throws Exception {
        Path file = RulesFiles.copyExample(dir);
        RuleSetHolder holder = RuleSetHolder.load(file);
        RulesEditorModel editor = new RulesEditorModel(holder);

        RulesEditorModel.SaveResult refused = editor.save("rule \"x\"\n  when body matches /(/\n  then warn \"w\"\n");
        assertThat(refused.saved()).isFalse();
        assertThat(refused.problems()).singleElement().satisfies(problem -> assertThat(problem.line()).isEqualTo(2));
        assertThat(Files.readString(file)).isEqualTo(RulesFiles.exampleText());
        assertThat(holder.current().orElseThrow().rules()).hasSize(6);

        RulesEditorModel.SaveResult saved = editor.save("rule \"only\"\n  when always\n  then require-signing\n");
        assertThat(saved.saved()).isTrue();
        assertThat(saved.rules()).isEqualTo(1);
        assertThat(holder.current().orElseThrow().rules()).hasSize(1);
        assertThat(editor.isModified("rule \"only\"\n  when always\n  then require-signing\n")).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void reloadReadsAnOutsideEditAndKeepsThePreviousRulesIfItIsBroken() throws Exception {
        Path file = RulesFiles.copyExample(dir);
        RuleSetHolder holder = RuleSetHolder.load(file);
        RulesEditorModel editor = new RulesEditorModel(holder);

        Files.writeString(file, "rule \"x\"\n  when always\n");
        RulesEditorModel.ReloadOutcome outcome = editor.reload();

        assertThat(outcome.text()).isEqualTo("rule \"x\"\n  when always\n");
        assertThat(outcome.inForce()).isFalse();
        assertThat(outcome.problems()).singleElement().hasToString(file + ":1: rule 'x' has no 'then' action");
        assertThat(holder.current().orElseThrow().rules()).hasSize(6);
    }

    @Test
    void testEvaluatesTheEditedTextAgainstAMessageWithoutSavingIt() throws Exception {
        Path file = dir.resolve("profile").resolve("policy").resolve("protection.rules");
        RuleSetHolder holder = RuleSetHolder.loadIfPresent(file);
        RulesEditorModel editor = new RulesEditorModel(holder);
        assertThat(editor.savedText()).isEmpty();
        assertThat(holder.current()).contains(org.sealmail.policy.rules.RuleSet.EMPTY);
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(
                        ("From: a@example.test\r\nTo: b@example.test\r\nSubject: pay\r\n\r\n"
                                + "Visa 4111 1111 1111 1111 and 5500 0000 0000 0004\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String rules = "rule \"Cards\"\n  when sensitive card >= 2\n  then template encrypt\n";

        RulesEditorModel.TestOutcome outcome = editor.test(rules, message);

        assertThat(outcome.problems()).isEmpty();
        org.sealmail.policy.rules.FiredRule fired = outcome.decision().orElseThrow().firedRules().get(0);
        assertThat(fired.name()).isEqualTo("Cards");
        assertThat(fired.reasons().get(0).sensitiveType()).contains(org.sealmail.policy.detect.SensitiveType.CARD_NUMBER);
        assertThat(fired.reasons().get(0).count()).isEqualTo(2);
        assertThat(editor.test("rule \"x\"\n  when always\n", message).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(1));
        assertThat(Files.exists(file)).isFalse();

        assertThat(editor.save(rules).saved()).isTrue();
        assertThat(holder.current().orElseThrow().rules()).extracting(rule -> rule.name()).containsExactly("Cards");
    }
}
