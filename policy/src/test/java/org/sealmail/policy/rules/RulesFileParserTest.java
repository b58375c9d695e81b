package org.sealmail.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.detect.Confidence;
import org.sealmail.policy.detect.SensitiveType;

/** The rules file format of docs/protection-rules.md: the example and every kind of error. */
class RulesFileParserTest {

    @TempDir
    Path dir;

    private Path rulesFile;

    @BeforeEach
    void copyExample() {
        rulesFile = RulesFiles.copyExample(dir);
    }

    private List<String> problems(String text) {
        try {
            RulesFileParser.parse(text, "test.rules", dir);
        } catch (PolicyFileException e) {
            return e.problems().stream().map(PolicyFileProblem::toString).toList();
        }
        throw new AssertionError("the text parsed without problems");
    }

    @Test
    void theDocumentedExampleParsesIntoItsRules() {
        RuleSet rules = RulesFileParser.read(rulesFile);

        assertThat(rules.organizationDomains()).containsExactly("contoso.example", "contoso-corp.example");
        assertThat(rules.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(rules.rules()).extracting(Rule::name).containsExactly("Card numbers leave the company", "Bank details",
                "Legal matters", "Payroll export", "Large address lists", "Signed mail to the regulator");
        Rule cards = rules.rules().get(0);
        assertThat(cards.line()).isEqualTo(9);
        assertThat(cards.mode()).isEqualTo(MatchMode.ALL);
        assertThat(cards.conditions()).containsExactly(
                new Condition.Sensitive(SensitiveType.CARD_NUMBER, 1, Confidence.MEDIUM, "sensitive card >= 1"),
                new Condition.Recipient(Condition.RecipientScope.OUTSIDE, List.of(), "recipient outside"));
        RuleAction.ApplyTemplate dnf = (RuleAction.ApplyTemplate) cards.actions().get(0);
        assertThat(dnf.template()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD);
        assertThat(dnf.branding().name()).isEqualTo("contoso");
        assertThat(dnf.branding().branding().introText()).isEqualTo("This message is protected by Contoso Ltd.");
        assertThat(rules.rules().get(1).mode()).isEqualTo(MatchMode.ANY);
        RuleAction.ApplyTemplate legal = (RuleAction.ApplyTemplate) rules.rules().get(2).actions().get(0);
        assertThat(legal.template().id()).isEqualTo("legal-review");
        assertThat(legal.template().rightsFor("counsel@lawfirm.example").allows(UsageRight.PRINT)).isTrue();
        assertThat(rules.rules().get(2).actions().get(1)).isEqualTo(new RuleAction.RequireSigning());
        assertThat(rules.rules().get(3).actions()).containsExactly(new RuleAction.Block(
                "Payroll files with social security numbers may not be mailed. Use the HR portal."));
        assertThat(rules.rules().get(4).actions()).containsExactly(new RuleAction.Warn(
                "This message contains many e-mail addresses. Use Bcc or a mailing list."));
        assertThat(rules.isInside("ann@mail.contoso.example")).isTrue();
        assertThat(rules.isInside("ann@notcontoso.example")).isFalse();
    }

    @Test
    void anUnknownTemplateIsNamedWithItsLine() {
        assertThat(problems("rule \"x\"\n  when always\n  then template secret\n"))
                .containsExactly("test.rules:3: unknown template 'secret' (known: encrypt, do-not-forward)");
    }

    @Test
    void anInvalidRegularExpressionIsReportedWithTheReason() {
        assertThat(problems("rule \"x\"\n  when body matches /(unclosed/i\n  then warn \"w\"\n"))
                .containsExactly("test.rules:2: invalid regular expression /(unclosed/i: Unclosed group near index 9");
        assertThat(problems("rule \"x\"\n  when body matches /a/q\n  then warn \"w\"\n"))
                .containsExactly("test.rules:2: unknown regular expression flag 'q' (expected i, m or s)");
        assertThat(problems("rule \"x\"\n  when body matches /a\n  then warn \"w\"\n")).containsExactly(
                "test.rules:2: unterminated regular expression (write it /.../ with flags after the closing /)");
    }

    @Test
    void everyProblemOfAFileIsReportedInLineOrder() {
        List<String> problems = problems("organisation example.com\n"
                + "rule \"a\"\n"
                + "  when colour red\n"
                + "  then explode\n"
                + "  when sensitive passport >= 2\n"
                + "  then block unquoted\n"
                + "   stray\n"
                + "rule \"a\"\n"
                + "  when recipient outside\n"
                + "  then warn \"unterminated\n"
                + "when always\n"
                + "timeout 5 ms\n");

        assertThat(problems).hasSize(11).allMatch(problem -> problem.startsWith("test.rules:"));
        assertThat(problems).contains(
                "test.rules:1: unknown directive 'organisation' (expected rule, organization, template, branding,"
                        + " default-branding or timeout)",
                "test.rules:3: unknown condition 'colour' (expected recipient, subject, body, subject-or-body, attachment,"
                        + " sensitive or always)",
                "test.rules:4: unknown action 'explode'; expected: then template NAME [branding BRANDING] |"
                        + " then require-signing | then block \"MESSAGE\" | then warn \"MESSAGE\"",
                "test.rules:5: unknown sensitive information type 'passport'; expected: sensitive TYPE [>= N]"
                        + " [confidence low|medium|high], TYPE one of card, iban, ssn, email-addresses, phone-numbers",
                "test.rules:6: expected: then block \"MESSAGE TO THE USER\"",
                "test.rules:7: unknown rule line 'stray' (expected when, then or match)",
                "test.rules:8: rule 'a' is already defined on line 2",
                "test.rules:9: 'recipient outside' needs the organization's domains: add a line 'organization example.com'",
                "test.rules:10: unterminated string (a \" without its closing \")",
                "test.rules:11: 'when' must be indented under a rule line",
                "test.rules:12: timeout must be between 10 ms and 60 s");
        assertThat(problems.get(0)).startsWith("test.rules:1:");
        assertThat(problems.get(10)).startsWith("test.rules:12:");
    }

    @Test
    void problemsInReferencedFilesNameBothFiles() throws Exception {
        Files.writeString(dir.resolve("bad.branding"), "name = bad\nbackground = red\n");
        Files.writeString(dir.resolve("bad.template"), "name = Bad\nrights = VIEW, COPY\n");

        List<String> problems = problems("branding bad = bad.branding\ntemplate worse = bad.template\n"
                + "template encrypt branding missing\nrule \"x\"\n  when always\n  then template worse branding bad\n");

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo("test.rules:1: branding 'bad': " + dir.resolve("bad.branding")
                + ":2: the background colour must be #RRGGBB (six hexadecimal digits), got 'red'");
        assertThat(problems.get(1)).startsWith("test.rules:2: template 'worse': " + dir.resolve("bad.template")
                + " line 2: unknown usage right 'COPY' (expected one of VIEW,");
        assertThat(problems.get(2)).isEqualTo("test.rules:3: unknown branding 'missing' (declare it with: branding missing"
                + " = FILE)");
    }

    @Test
    void structuralMistakesAreExplained() {
        assertThat(problems("rule \"x\"\n  when always\n")).containsExactly("test.rules:1: rule 'x' has no 'then' action");
        assertThat(problems("rule \"x\"\n  then require-signing\n")).containsExactly("test.rules:1: rule 'x' has no 'when'"
                + " condition (write 'when always' to match every message)");
        assertThat(problems("  when always\n"))
                .containsExactly("test.rules:1: indented line outside a rule (start a rule with: rule \"NAME\")");
        assertThat(problems("template encrypt = my.template\n")).containsExactly(
                "test.rules:1: 'encrypt' is a built-in template; to brand it write: template encrypt branding NAME");
        assertThat(problems("template legal\n")).containsExactly("test.rules:1: template 'legal' needs a file: template"
                + " legal = FILE (the built-in templates are encrypt and do-not-forward)");
        assertThat(problems("rule \"x\"\n  when subject contains payroll salary\n  then require-signing\n")).first()
                .isEqualTo("test.rules:2: separate values with commas, or quote a phrase: unexpected salary");
        assertThat(problems("rule \"x\"\n  when attachment type pdf\n  then require-signing\n")).first()
                .isEqualTo("test.rules:2: 'pdf' is not a media type (type/subtype or type/*)");
        assertThat(problems("rule \"x\"\n  when recipient domain not_a_domain\n  then require-signing\n")).first()
                .isEqualTo("test.rules:2: 'not_a_domain' is not a domain name");
        assertThat(problems("rule \"x\"\n  when sensitive card >= 0\n  then require-signing\n")).first()
                .isEqualTo("test.rules:2: the minimum count must be 1 or more");
    }

    @Test
    void aMissingFileIsAProblemOfTheWholeFile() {
        assertThatThrownBy(() -> RulesFileParser.read(dir.resolve("none.rules"))).isInstanceOf(PolicyFileException.class)
                .hasMessage(dir.resolve("none.rules") + ": file not found");
    }

    @Test
    void commentsQuotedHashesAndGluedCountsAreRead() {
        RuleSet rules = RulesFileParser.parse("# comment\nrule Many words name   # trailing comment\n"
                + "  when subject contains \"#1 priority\", \"say \\\"hi\\\"\"\n  when sensitive phone-numbers >=20 confidence high\n"
                + "  then require-signing\n", "t.rules", dir);

        Rule rule = rules.rules().get(0);
        assertThat(rule.name()).isEqualTo("Many words name");
        assertThat(rule.conditions().get(0).text()).isEqualTo("subject contains \"#1 priority\", \"say \\\"hi\\\"\"");
        assertThat(rule.conditions().get(1)).isEqualTo(new Condition.Sensitive(SensitiveType.PHONE_NUMBER_LIST, 20,
                Confidence.HIGH, "sensitive phone-numbers >=20 confidence high"));
    }
}
