package org.sealmail.app.cli.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import picocli.CommandLine;

/** {@code sealmail rules check} and {@code sealmail rules test}, run in-process. */
class RulesCommandTest {

    private static final String RULES = """
            organization contoso.example
            timeout 200 ms

            rule "Cards leave the company"
              when sensitive card >= 1
              when recipient outside
              then template do-not-forward

            rule "Payroll"
              when subject contains payroll
              then block "Payroll goes through the HR portal."

            rule "Lists"
              when sensitive email-addresses >= 3
              then warn "Many addresses."

            rule "Runaway"
              when subject matches /((a+)+)+$/
              then require-signing
            """;

    @TempDir
    Path dir;

    private Path rules;
    private String out;
    private String err;

    @BeforeEach
    void files() throws Exception {
        rules = Files.writeString(dir.resolve("contoso.rules"), RULES);
    }

    private Path message(String subject, String body) throws Exception {
        return Files.writeString(dir.resolve("msg.eml"), ("From: alice@contoso.example\nTo: bob@partner.example\n"
                + "Subject: " + subject + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n" + body).replace("\n", "\r\n"));
    }

    private int run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = SealmailCommand.commandLine();
        commandLine.setOut(new PrintWriter(stdout));
        commandLine.setErr(new PrintWriter(stderr));
        int code = commandLine.execute(args);
        out = stdout.toString();
        err = stderr.toString();
        return code;
    }

    @Test
    void checkCountsTheRulesOfAValidFile() {
        assertThat(run("rules", "check", rules.toString())).isEqualTo(0);
        assertThat(out).isEqualTo("4 rules OK" + System.lineSeparator());
    }

    @Test
    void checkPrintsEveryProblemAsFileLineReason() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.rules"), "rule \"x\"\n  when body matches /(/\n  then template nope\n"
                + "rule \"y\"\n  when always\n  then template nope\n");

        assertThat(run("rules", "check", bad.toString())).isEqualTo(ExitCode.RULES_INVALID.code()).isEqualTo(40);
        assertThat(err.lines()).containsExactly(
                bad + ":2: invalid regular expression /(/: Unclosed group near index 1",
                bad + ":3: unknown template 'nope' (known: encrypt, do-not-forward)",
                bad + ":6: unknown template 'nope' (known: encrypt, do-not-forward)",
                bad + " rejected: 3 problems");
        assertThat(out).isEmpty();
    }

    @Test
    void testPrintsTheFiredRuleWithTypeAndCountButNotTheNumber() throws Exception {
        Path message = message("Booking", "Card: 4111 1111 1111 =\n1111, exp 12/27\n");

        assertThat(run("rules", "test", rules.toString(), "--in", message.toString())).isEqualTo(0);
        assertThat(out.lines()).containsExactly(
                "Rules: " + rules + " (4 rules)",
                "Rule fired: Cards leave the company (line 4)",
                "  when sensitive card >= 1: 1 payment card number (confidence medium or higher; the rule needs 1)",
                "  when recipient outside: 1 recipient outside the organization",
                "  then protect with Do Not Forward (branding sealmail)",
                "Decision: send, protected with Do Not Forward (branding sealmail, rule 'Cards leave the company')");
        assertThat(out).doesNotContain("4111");
    }

    @Test
    void testReportsBlockWarnAndHoldWithTheirExitCodes() throws Exception {
        assertThat(run("rules", "test", rules.toString(), "--in", message("Payroll March", "see attached\n").toString()))
                .isEqualTo(41);
        assertThat(out).endsWith("Decision: blocked: Payroll goes through the HR portal." + System.lineSeparator());

        assertThat(run("rules", "test", rules.toString(), "--in",
                message("team", "a@x.example b@x.example c@x.example\n").toString())).isEqualTo(43);
        assertThat(out).contains("  when sensitive email-addresses >= 3: 3 distinct e-mail addresses (confidence medium or"
                + " higher; the rule needs 3)").endsWith("Decision: send only with an override reason (Many addresses.), as"
                + " composed" + System.lineSeparator());

        assertThat(run("rules", "test", rules.toString(), "--in",
                message("aaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "x\n").toString())).isEqualTo(42);
        assertThat(out).endsWith("Decision: held: rule 'Runaway' (" + rules + " line 17) did not finish within the 200 ms"
                + " bound (a regular expression that backtracks catastrophically?); the message is held, not sent"
                + System.lineSeparator());
    }

    @Test
    void aMissingMessageIsOneClearLine() {
        assertThat(run("rules", "test", rules.toString(), "--in", dir.resolve("none.eml").toString())).isEqualTo(1);
        assertThat(err).isEqualTo("sealmail test: message file not found: " + dir.resolve("none.eml") + System.lineSeparator());
    }
}
