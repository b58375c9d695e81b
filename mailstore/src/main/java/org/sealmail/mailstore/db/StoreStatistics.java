package org.sealmail.mailstore.db;

/**
 * Figures about a store.
 *
 * @param messages messages in all folders
 * @param folders folders (local and of accounts)
 * @param accounts accounts
 * @param messageBytes the raw sizes of all messages added up, in bytes (uncompressed)
 * @param diskBytes the store's files on disk (database, WAL and shared-memory files), in bytes
 * @param schemaVersion the schema version (newest applied migration)
 */
public record StoreStatistics(long messages, long folders, long accounts, long messageBytes, long diskBytes,
        String schemaVersion) {
}
