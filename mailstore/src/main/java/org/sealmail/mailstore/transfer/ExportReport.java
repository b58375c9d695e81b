package org.sealmail.mailstore.transfer;

/**
 * What an export did.
 *
 * @param exported messages written
 * @param notFetched messages skipped because only their headers are stored
 */
public record ExportReport(long exported, long notFetched) {
}
