package org.sealmail.app.cli.rights;

import picocli.CommandLine.Command;

/**
 * {@code sealmail rights}: the sender's view of messages protected with online licensing
 * (docs/rights-server-api.md §7): revoke, change the expiry, read the status and the access log.
 */
@Command(name = "rights", mixinStandardHelpOptions = true,
        description = "Sender actions on a message protected with online licensing: revoke, expire, status, log.",
        subcommands = {RightsRevokeCommand.class, RightsExpireCommand.class, RightsStatusCommand.class, RightsLogCommand.class})
public final class RightsCommand {
}
