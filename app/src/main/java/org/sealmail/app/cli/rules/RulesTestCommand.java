package org.sealmail.app.cli.rules;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.content.MessageContentExtractor;
import org.sealmail.policy.content.UnreadableMessageException;
import org.sealmail.policy.rules.AppliedTemplate;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.MatchReason;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleAction;
import org.sealmail.policy.rules.RuleEvaluator;
import org.sealmail.policy.rules.RuleSet;
import org.sealmail.policy.rules.RulesFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealmail rules test FILE --in MSG.eml}: evaluates the rules on a message as the send
 * path would and prints the decision: each rule that fired with its reasons (types and counts,
 * never the values) and actions, then the outcome. Exit 0 when the message would be sent; 41
 * blocked; 42 held; 43 needs an override reason; 40 if the rules file is rejected.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Evaluate a rules file on a message and print the decision (rules fired, types and counts, action).")
public final class RulesTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rules file.")
    Path file;

    @Option(names = "--in", required = true, paramLabel = "MSG.eml", description = "The message (RFC 5322) as it would be sent.")
    Path in;

    @Override
    public Integer call() {
        RuleSet rules;
        try {
            rules = RulesFileParser.read(file);
        } catch (PolicyFileException e) {
            for (PolicyFileProblem problem : e.problems()) {
                spec.commandLine().getErr().println(problem);
            }
            spec.commandLine().getErr().println(file + " rejected: no rules are in force, so the message would be held");
            return ExitCode.RULES_INVALID.code();
        }
        PolicyDecision decision;
        try {
            decision = new RuleEvaluator().evaluate(rules, MessageContentExtractor.extract(readMessage(in)));
        } catch (UnreadableMessageException e) {
            decision = PolicyDecision.held("the message cannot be checked against the rules: " + e.getMessage(),
                    List.of());
        }
        print(rules, decision, spec.commandLine().getOut());
        return switch (decision.verdict()) {
            case SEND -> ExitCode.OK.code();
            case WARN -> ExitCode.POLICY_WARNED.code();
            case BLOCK -> ExitCode.POLICY_BLOCKED.code();
            case HOLD -> ExitCode.POLICY_HELD.code();
        };
    }

    private static void print(RuleSet rules, PolicyDecision decision, PrintWriter out) {
        out.println("Rules: " + rules.source() + " (" + rules.rules().size() + (rules.rules().size() == 1 ? " rule)" : " rules)"));
        DecisionReport.print(decision, out);
    }

    private static MimeMessage readMessage(Path file) {
        try (InputStream stream = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), stream);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "message file not found: " + file, e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, file + " is not a MIME message: " + e.getMessage(), e);
        }
    }
}
