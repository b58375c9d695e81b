package org.sealmail.mailstore.transfer;

/**
 * A malformed message kept raw by an import.
 *
 * @param source where it was: "FILE" for .eml, "FILE@OFFSET" for mbox (byte offset of its From line)
 * @param messageId the store's id of the kept message
 * @param warning what was malformed
 */
public record ImportWarning(String source, long messageId, String warning) {
}
