package org.sealmail.app.cli.rights;

import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sealmail rights log MESSAGE}: the access log, and who can still read offline until when. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Show a message's access log and who can still"
        + " read it offline until when.")
public final class RightsLogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SentMessageOptions target;

    @Override
    public Integer call() {
        org.sealmail.app.rights.RightsReport.log(target.client().accessLog(target.contentId(), target.sender()), spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
