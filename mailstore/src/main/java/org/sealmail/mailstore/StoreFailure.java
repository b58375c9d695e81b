package org.sealmail.mailstore;

/**
 * Why a store operation was refused. Stable identifiers: the CLI maps each to a documented exit
 * code, so never rename a constant.
 */
public enum StoreFailure {
    /** The file at the store path is not an SQLite database, or not a Sealmail store; it was left untouched. */
    NOT_A_STORE,
    /** SQLite reports the database image as malformed (corrupt pages); it was left untouched. */
    CORRUPT,
    /** The store was written by a newer Sealmail (its schema version is beyond what this build knows). */
    SCHEMA_TOO_NEW,
    /** The profile directory or the store file cannot be written (read-only file system, permissions). */
    READ_ONLY,
    /** Another process holds the store locked for longer than the busy timeout. */
    BUSY,
    /** The master password does not open the password file, or no secret store is available. */
    SECRETS,
    /** A referenced row does not exist (unknown folder, account or message id). */
    NOT_FOUND,
    /** The caller asked for something the store refuses by design (e.g. indexing protected plaintext). */
    REFUSED,
    /** An input file for import is unreadable or not in the expected format. */
    MALFORMED_INPUT,
    /** Any other SQL or input/output error. */
    IO
}
