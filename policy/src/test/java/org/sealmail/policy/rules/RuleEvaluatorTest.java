package org.sealmail.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.content.AttachmentFacts;
import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.content.SectionKind;
import org.sealmail.policy.content.TextSection;
import org.sealmail.policy.detect.SensitiveType;

/** Conditions, reasons and the precedence of actions. */
class RuleEvaluatorTest {

    @TempDir
    Path dir;

    private final RuleEvaluator evaluator = new RuleEvaluator();

    private RuleSet rules(String text) {
        return RulesFileParser.parse(text, "test.rules", dir);
    }

    private static MessageContent message(String subject, String body, List<String> recipients, AttachmentFacts... attachments) {
        return new MessageContent(subject, recipients, List.of(new TextSection(SectionKind.BODY, "text/plain", body, 0, 0)),
                List.of(attachments));
    }

    private static MessageContent body(String body) {
        return message("Hello", body, List.of("bob@partner.example"));
    }

    @Test
    void aFiredRuleSaysWhichConditionsMatchedWithTypeAndCountButNeverTheValues() {
        RuleSet rules = rules("organization example.com\nrule \"Cards outside\"\n  when sensitive card >= 2\n"
                + "  when recipient outside\n  then template do-not-forward\n");

        PolicyDecision decision = evaluator.evaluate(rules, body("Visa 4111 1111 1111 1111 and MC 5555-5555-5555-4444"));

        assertThat(decision.verdict()).isEqualTo(Verdict.SEND);
        assertThat(decision.template().orElseThrow().template()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD);
        FiredRule fired = decision.firedRules().get(0);
        assertThat(fired.name()).isEqualTo("Cards outside");
        assertThat(fired.line()).isEqualTo(2);
        assertThat(fired.reasons()).extracting(MatchReason::explanation).containsExactly(
                "2 payment card numbers (confidence medium or higher; the rule needs 2)",
                "1 recipient outside the organization");
        assertThat(fired.reasons().get(0).sensitiveType()).contains(SensitiveType.CARD_NUMBER);
        assertThat(fired.reasons().get(0).count()).isEqualTo(2);
        assertThat(decision.toString()).doesNotContain("4111").doesNotContain("5555");
    }

    @Test
    void belowTheMinimumCountOrConfidenceTheRuleDoesNotFire() {
        RuleSet rules = rules("rule \"r\"\n  when sensitive card >= 2\n  then require-signing\n"
                + "rule \"s\"\n  when sensitive card confidence high\n  then require-signing\n");

        PolicyDecision decision = evaluator.evaluate(rules, body("number 4111 1111 1111 1111"));

        assertThat(decision.firedRules()).isEmpty();
        assertThat(decision).isEqualTo(PolicyDecision.noRuleFired());
    }

    @Test
    void recipientConditionsLookAtEveryRecipientAndSubdomains() {
        RuleSet rules = rules("organization example.com\n"
                + "rule \"in\"\n  when recipient inside\n  then require-signing\n"
                + "rule \"out\"\n  when recipient outside\n  then require-signing\n"
                + "rule \"dom\"\n  when recipient domain partner.example\n  then require-signing\n"
                + "rule \"addr\"\n  when recipient address Boss@Example.com\n  then require-signing\n");

        PolicyDecision internal = evaluator.evaluate(rules, message("s", "b", List.of("ann@mail.example.com", "boss@example.com")));
        PolicyDecision mixed = evaluator.evaluate(rules, message("s", "b", List.of("ann@example.com", "x@eu.partner.example")));

        assertThat(internal.firedRules()).extracting(FiredRule::name).containsExactly("in", "addr");
        assertThat(internal.firedRules().get(0).reasons().get(0).explanation())
                .isEqualTo("2 recipients inside the organization");
        assertThat(mixed.firedRules()).extracting(FiredRule::name).containsExactly("in", "out", "dom");
    }

    @Test
    void keywordsAreWholeWordsCaseInsensitiveAndRegularExpressionsUseTheirFlags() {
        RuleSet rules = rules("rule \"kw\"\n  when subject-or-body contains payroll, \"bank details\"\n  then require-signing\n"
                + "rule \"re\"\n  when body matches /project\\s+x-\\d+/i\n  then require-signing\n"
                + "rule \"subj\"\n  when subject contains urgent\n  then require-signing\n");

        assertThat(evaluator.evaluate(rules, message("Payroll", "send the BANK   details", List.of("b@x.example")))
                .firedRules()).extracting(FiredRule::name).containsExactly("kw");
        assertThat(evaluator.evaluate(rules, message("s", "payrolls and bankdetails", List.of("b@x.example")))
                .firedRules()).isEmpty();
        PolicyDecision regex = evaluator.evaluate(rules, message("urgent!", "PROJECT  X-12 and project x-7", List.of("b@x.example")));
        assertThat(regex.firedRules()).extracting(FiredRule::name).containsExactly("re", "subj");
        assertThat(regex.firedRules().get(0).reasons().get(0).explanation())
                .isEqualTo("the body matches the regular expression (2 matches)");
    }

    @Test
    void attachmentConditionsMatchNameGlobsAndMediaTypes() {
        RuleSet rules = rules("rule \"names\"\n  when attachment name payroll*.csv, *.XLSX\n  then require-signing\n"
                + "rule \"types\"\n  when attachment type image/*, application/pdf\n  then require-signing\n");

        PolicyDecision decision = evaluator.evaluate(rules, message("s", "b", List.of("b@x.example"),
                new AttachmentFacts("Payroll-2026.csv", "text/csv"), new AttachmentFacts("q1.xlsx", "application/vnd.ms-excel"),
                new AttachmentFacts("photo.png", "image/png"), new AttachmentFacts("payroll.txt", "text/plain")));

        assertThat(decision.firedRules()).extracting(FiredRule::name).containsExactly("names", "types");
        assertThat(decision.firedRules().get(0).reasons().get(0).count()).isEqualTo(2);
        assertThat(decision.firedRules().get(1).reasons().get(0).count()).isEqualTo(1);
    }

    @Test
    void matchAnyNeedsOneConditionAndMatchAllNeedsEvery() {
        RuleSet rules = rules("rule \"any\"\n  match any\n  when subject contains x\n  when body contains y\n  then require-signing\n"
                + "rule \"all\"\n  when subject contains x\n  when body contains y\n  then require-signing\n");

        assertThat(evaluator.evaluate(rules, message("x", "z", List.of("b@x.example"))).firedRules())
                .extracting(FiredRule::name).containsExactly("any");
        assertThat(evaluator.evaluate(rules, message("x", "y", List.of("b@x.example"))).firedRules())
                .extracting(FiredRule::name).containsExactly("any", "all");
    }

    @Test
    void blockWinsOverTemplateWhichWinsOverSigningWhichWinsOverWarn() {
        String warn = "rule \"w\"\n  when always\n  then warn \"careful\"\n";
        String sign = "rule \"s\"\n  when always\n  then require-signing\n";
        String encrypt = "rule \"e\"\n  when always\n  then template encrypt\n";
        String block = "rule \"b\"\n  when always\n  then block \"no\"\n";

        PolicyDecision all = evaluator.evaluate(rules(warn + sign + encrypt + block), body("x"));
        assertThat(all.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(all.blockMessage()).contains("no");
        assertThat(all.strongestAction()).contains(ActionKind.BLOCK);

        PolicyDecision noBlock = evaluator.evaluate(rules(warn + sign + encrypt), body("x"));
        assertThat(noBlock.verdict()).isEqualTo(Verdict.WARN);
        assertThat(noBlock.overrideRequired()).isTrue();
        assertThat(noBlock.strongestAction()).contains(ActionKind.APPLY_TEMPLATE);
        assertThat(noBlock.template()).isPresent();
        assertThat(noBlock.signingRequired()).isTrue();
        assertThat(noBlock.warnings()).containsExactly("careful");

        assertThat(evaluator.evaluate(rules(warn + sign), body("x")).strongestAction()).contains(ActionKind.REQUIRE_SIGNING);
        assertThat(evaluator.evaluate(rules(warn), body("x")).strongestAction()).contains(ActionKind.WARN);
    }

    @Test
    void doNotForwardWinsOverCustomWhichWinsOverEncrypt() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("legal.template"), "name = Legal\nrights = VIEW, REPLY\n");
        String encrypt = "rule \"e\"\n  when always\n  then template encrypt\n";
        String custom = "template legal = legal.template\nrule \"c\"\n  when always\n  then template legal\n";
        String dnf = "rule \"d\"\n  when always\n  then template do-not-forward\n";

        assertThat(evaluator.evaluate(rules(encrypt + custom), body("x")).template().orElseThrow().template().id())
                .isEqualTo("custom:legal");
        AppliedTemplate strongest = evaluator.evaluate(rules(custom + dnf + encrypt), body("x")).template().orElseThrow();
        assertThat(strongest.template()).isEqualTo(ProtectionTemplate.DO_NOT_FORWARD);
        assertThat(strongest.ruleName()).isEqualTo("d");
    }

    @Test
    void theClassicNestedQuantifierFinishesOnThisJdk() {
        // (a+)+$ is memoized by java.util.regex since JDK 9; the rule simply does not match
        RuleSet rules = rules("timeout 200 ms\nrule \"Classic\"\n  when body matches /(a+)+$/\n  then template encrypt\n");

        assertThat(evaluator.evaluate(rules, body("aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"))).isEqualTo(PolicyDecision.noRuleFired());
    }

    @Test
    void aCatastrophicRegularExpressionIsStoppedWithinTheBoundAndTheMessageHeld() {
        // ((a+)+)+$ still backtracks exponentially: 4.3 s for 24 a's, far more for these 28, without the bound
        RuleSet rules = rules("timeout 200 ms\nrule \"ok\"\n  when always\n  then require-signing\n"
                + "rule \"Runaway\"\n  when body matches /((a+)+)+$/\n  then template encrypt\n");
        long start = System.nanoTime();

        PolicyDecision decision = evaluator.evaluate(rules, body("aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(decision.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(decision.holdReason()).contains("rule 'Runaway' (test.rules line 5) did not finish within the 200 ms bound"
                + " (a regular expression that backtracks catastrophically?); the message is held, not sent");
        assertThat(decision.firedRules()).extracting(FiredRule::name).containsExactly("ok");
        assertThat(decision.template()).isEmpty();
        assertThat(took).as("stopped promptly (the correctness bound, not a speed target)").isLessThan(Duration.ofSeconds(5));
    }
}
