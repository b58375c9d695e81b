package org.sealmail.mailstore.imap;

/**
 * How far a folder has been synchronised. The cached rows of a folder are valid only for the
 * UIDVALIDITY stored here (RFC 3501 §2.3.1.1).
 *
 * @param uidValidity the server's UIDVALIDITY when the rows were fetched
 * @param highestModSeq the HIGHESTMODSEQ (RFC 7162 §3.1.2) all changes up to which are applied; 0 when unknown or unsupported
 */
public record FolderSyncState(long uidValidity, long highestModSeq) {

    /** @return a copy with a new HIGHESTMODSEQ */
    public FolderSyncState withHighestModSeq(long modSeq) {
        return new FolderSyncState(uidValidity, modSeq);
    }
}
