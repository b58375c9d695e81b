package org.sealmail.app.cli.store;

import org.sealmail.app.cli.TerminalText;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.db.StoreStatistics;
import org.sealmail.mailstore.folders.Folder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealmail store stats}: messages, folders and size on disk of the profile's store. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show messages, folders and size on disk of the store.")
public final class StoreStatsCommand implements Callable<Integer> {

    private static final int NAME_CHARS = 200;

    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteMailStore mailStore = store.open()) {
            StoreStatistics statistics = mailStore.statistics();
            out.printf("Store: %s (schema %s)%n", mailStore.database().file(), statistics.schemaVersion());
            out.printf("Messages: %d (%s as received)%n", statistics.messages(), size(statistics.messageBytes()));
            out.printf("Folders: %d%n", statistics.folders());
            for (Folder folder : mailStore.folders().list(null)) {
                out.printf("  %s: %d%n", TerminalText.oneLine(folder.name(), NAME_CHARS), mailStore.messages().count(folder.id()));
            }
            mailStore.accounts().list().forEach(account -> {
                for (Folder folder : mailStore.folders().list(account.id())) {
                    out.printf("  %s/%s: %d%n", TerminalText.oneLine(account.name(), NAME_CHARS),
                            TerminalText.oneLine(folder.name(), NAME_CHARS), mailStore.messages().count(folder.id()));
                }
            });
            out.printf("Accounts: %d%n", statistics.accounts());
            out.printf("Size on disk: %s%n", size(statistics.diskBytes()));
        }
        return 0;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kib = bytes / 1024.0;
        String unit = "KiB";
        if (kib >= 1024) {
            kib /= 1024;
            unit = "MiB";
        }
        return String.format(Locale.ROOT, "%d bytes, %.1f %s", bytes, kib, unit);
    }
}
