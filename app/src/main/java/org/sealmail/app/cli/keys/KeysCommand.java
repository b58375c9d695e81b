package org.sealmail.app.cli.keys;

import picocli.CommandLine.Command;

/** {@code sealmail keys}: make and inspect S/MIME keys and certificates. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create S/MIME keys and certificates.",
        subcommands = {KeysNewCaCommand.class, KeysNewCommand.class})
public final class KeysCommand {
}
