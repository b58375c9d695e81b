package org.sealmail.mailstore.transfer;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported messages added to the folder (malformed ones included)
 * @param duplicates messages the folder already held (same Message-ID and content hash); not added again
 * @param malformed how many of the imported were malformed, kept raw with a parse warning
 * @param warnings the first {@value MailImporter#MAX_WARNINGS} warnings
 */
public record ImportReport(long imported, long duplicates, long malformed, List<ImportWarning> warnings) {

    /** Copies the list. */
    public ImportReport {
        warnings = List.copyOf(warnings);
    }

    /** @return imported plus duplicates: every message read */
    public long total() {
        return imported + duplicates;
    }
}
