package org.sealmail.app.cli.smime;

import picocli.CommandLine.Command;

/** {@code sealmail smime}: sign, verify, encrypt and decrypt S/MIME messages (RFC 8551). */
@Command(name = "smime", mixinStandardHelpOptions = true,
        description = "Sign, verify, encrypt and decrypt S/MIME messages (RFC 8551).",
        subcommands = {SmimeSignCommand.class, SmimeVerifyCommand.class, SmimeEncryptCommand.class,
            SmimeDecryptCommand.class})
public final class SmimeCommand {
}
