package org.sealmail.mailstore.transfer;

/** Told of an import's or export's progress after each committed batch. */
@FunctionalInterface
public interface ImportProgress {

    /** Does nothing. */
    ImportProgress NONE = (messages, bytes, totalBytes) -> { };

    /**
     * @param messages messages handled so far (imported, duplicate or malformed; all committed)
     * @param bytes input bytes consumed so far
     * @param totalBytes the input's size in bytes, or -1 if unknown
     */
    void progress(long messages, long bytes, long totalBytes);
}
