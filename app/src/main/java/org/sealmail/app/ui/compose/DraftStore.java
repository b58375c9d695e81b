package org.sealmail.app.ui.compose;

import java.util.OptionalLong;

/**
 * Saves drafts in the local store (database I/O: call in the background). Drafts with a rights
 * template or S/MIME encryption chosen are stored as the store's draft policy decides (the
 * store encrypts drafts at rest).
 */
public interface DraftStore {

    /**
     * @param draftId the draft to overwrite, or empty for a new draft
     * @param draft the message as composed so far
     * @return the draft's id
     */
    long save(OptionalLong draftId, OutgoingMessage draft);

    /**
     * @param draftId a draft that was sent or discarded
     */
    void delete(long draftId);
}
