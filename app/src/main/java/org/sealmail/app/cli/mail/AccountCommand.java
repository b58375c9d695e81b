package org.sealmail.app.cli.mail;

import java.nio.file.Path;
import org.sealmail.app.cli.SealmailCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sealmail account}: the profile's mail accounts. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Mail accounts of the profile.",
        subcommands = {AccountAddCommand.class, AccountPasswordCommand.class})
public final class AccountCommand {

    @ParentCommand
    SealmailCommand root;

    Path profileDirectory() {
        return root.profileDirectory();
    }
}
