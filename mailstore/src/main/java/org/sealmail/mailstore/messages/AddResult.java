package org.sealmail.mailstore.messages;

/**
 * The outcome of adding a message to a folder.
 *
 * @param messageId the store's id of the new row, or of the existing one for a duplicate
 * @param duplicate true if the folder already held this message (same Message-ID and content
 *     hash, or same UID) and nothing was written
 */
public record AddResult(long messageId, boolean duplicate) {
}
