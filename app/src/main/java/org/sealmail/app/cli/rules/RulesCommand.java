package org.sealmail.app.cli.rules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sealmail rules}: check a protection rules file and try it on a message (docs/protection-rules.md). */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check protection rules files and test them on messages.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
