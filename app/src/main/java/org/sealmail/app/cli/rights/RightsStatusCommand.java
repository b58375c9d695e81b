package org.sealmail.app.cli.rights;

import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sealmail rights status MESSAGE}: the message's state at the rights server. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a message's state at the rights server.")
public final class RightsStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SentMessageOptions target;

    @Override
    public Integer call() {
        org.sealmail.app.rights.RightsReport.status(target.client().status(target.contentId(), target.sender()), spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
