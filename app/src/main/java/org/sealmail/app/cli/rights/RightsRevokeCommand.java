package org.sealmail.app.cli.rights;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sealmail rights revoke MESSAGE}: later opens are refused; cached use licenses die at their notAfter,
 * and the status printed afterwards says who can still read offline until when.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a message: the rights server refuses"
        + " every later open; cached licenses run out at their offline limit (shown).")
public final class RightsRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SentMessageOptions target;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (at most 500 characters; shown to readers who are refused).")
    String reason;

    @Override
    public Integer call() {
        var client = target.client();
        var sender = target.sender();
        String cid = target.contentId();
        org.sealmail.app.rights.RightsReport.status(client.revoke(cid, Optional.ofNullable(reason), sender), spec.commandLine().getOut());
        org.sealmail.app.rights.RightsReport.log(client.accessLog(cid, sender), spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
