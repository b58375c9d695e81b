package org.sealmail.app.launch;

import java.nio.file.Path;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.transfer.ImportProgress;
import org.sealmail.mailstore.transfer.ImportReport;

/**
 * A message file the desktop opens with Sealmail (the .eml association: {@code sealmail FILE.eml})
 * goes into the profile's local folder {@value #FOLDER}, where the desktop client shows it. The
 * same message opened twice is kept once (the importer skips duplicates).
 */
public final class OpenedMessageFiles {

    /** The local folder opened message files go to. */
    public static final String FOLDER = "Opened files";

    private OpenedMessageFiles() {
    }

    /**
     * @param profile the profile directory
     * @param file an RFC 5322 message file (.eml)
     * @return what was imported
     * @throws org.sealmail.mailstore.StoreException IO if the file cannot be read; READ_ONLY,
     *         SCHEMA_TOO_NEW, ... if the store cannot be opened
     */
    public static ImportReport add(Path profile, Path file) {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder folder = store.folders().localFolder(FOLDER);
            return store.importer().importEml(file, folder.id(), ImportProgress.NONE);
        }
    }
}
