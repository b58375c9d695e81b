package org.sealmail.mailstore.transfer;

import java.nio.file.Path;
import org.sealmail.mailstore.db.SqliteMailStore;

/**
 * The child process of {@link ImportKillIT}: imports an mbox and prints "committed N" after every
 * committed batch, so the parent knows when to kill it.
 */
public final class ImportChild {

    private ImportChild() {
    }

    /** @param args profile directory, mbox file, folder name */
    public static void main(String[] args) {
        try (SqliteMailStore store = SqliteMailStore.open(Path.of(args[0]))) {
            long folder = store.folders().localFolder(args[2]).id();
            store.importer().importMbox(Path.of(args[1]), folder, (messages, bytes, total) -> {
                System.out.println("committed " + messages);
                System.out.flush();
            });
        }
        System.out.println("done");
    }
}
