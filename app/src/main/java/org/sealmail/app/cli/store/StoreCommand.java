package org.sealmail.app.cli.store;

import java.nio.file.Path;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.mailstore.db.SqliteMailStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sealmail store}: the local mail store of the profile (import, search, statistics). */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The local mail store of the profile: import mail, search it, show figures.",
        subcommands = {StoreImportCommand.class, StoreSearchCommand.class, StoreStatsCommand.class})
public final class StoreCommand {

    @ParentCommand
    SealmailCommand root;

    /** @return the profile directory chosen by --profile, SEALMAIL_HOME or the OS default */
    Path profileDirectory() {
        return root.profileDirectory();
    }

    /**
     * @return the profile's store, opened (created if missing)
     * @throws org.sealmail.mailstore.StoreException if it cannot be used
     */
    SqliteMailStore open() {
        return SqliteMailStore.open(profileDirectory());
    }
}
