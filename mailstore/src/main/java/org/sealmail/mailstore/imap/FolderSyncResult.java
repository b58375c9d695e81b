package org.sealmail.mailstore.imap;

/**
 * What one folder sync did.
 *
 * @param folder the folder's full name
 * @param strategy how changes were found
 * @param added messages newly stored
 * @param flagsUpdated stored messages whose flags changed
 * @param removed stored messages removed (expunged on the server)
 * @param bodiesFetched full messages downloaded (policy or structure fallback)
 * @param uidValidityReset true when the folder's UIDVALIDITY changed and its cache was dropped
 */
public record FolderSyncResult(String folder, SyncStrategy strategy, int added, int flagsUpdated, int removed,
        int bodiesFetched, boolean uidValidityReset) {

    /** How the sync found changes to messages it already had. */
    public enum SyncStrategy {
        /** First sync (or after a UIDVALIDITY change): everything is new. */
        INITIAL,
        /** QRESYNC on SELECT: changed flags and VANISHED UIDs since the stored HIGHESTMODSEQ (RFC 7162 §3.2.5). */
        QRESYNC,
        /** CONDSTORE: UID FETCH CHANGEDSINCE for flags (RFC 7162 §3.1.4), UID list for expunges. */
        CONDSTORE,
        /** No modification sequences: UID and FLAGS of every message compared with the store. */
        UID_FLAGS_DIFF
    }

    /** @return whether anything changed locally */
    public boolean changedAnything() {
        return added > 0 || flagsUpdated > 0 || removed > 0 || uidValidityReset;
    }
}
