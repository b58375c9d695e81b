package org.sealmail.app.cli.rules;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.rules.RuleSet;
import org.sealmail.policy.rules.RulesFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealmail rules check FILE}: parses a rules file with the templates and brandings it
 * names; prints {@code N rules OK}, or every problem as {@code FILE:LINE: REASON} (exit 40).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a rules file: prints 'N rules OK' or each problem as FILE:LINE: REASON.")
public final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rules file.")
    Path file;

    @Override
    public Integer call() {
        try {
            RuleSet rules = RulesFileParser.read(file);
            spec.commandLine().getOut().println(rules.rules().size() + (rules.rules().size() == 1 ? " rule" : " rules") + " OK");
            return ExitCode.OK.code();
        } catch (PolicyFileException e) {
            for (PolicyFileProblem problem : e.problems()) {
                spec.commandLine().getErr().println(problem);
            }
            spec.commandLine().getErr().println(file + " rejected: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            return ExitCode.RULES_INVALID.code();
        }
    }
}
