package org.sealmail.app.ui.mailbox;

/** The special use of a folder (RFC 6154 names), used for icons and ordering in the folder tree. */
public enum FolderRole {
    /** The inbox. */
    INBOX,
    /** Drafts (RFC 6154 \Drafts). */
    DRAFTS,
    /** Sent mail (\Sent). */
    SENT,
    /** The local outbox: messages waiting for submission. */
    OUTBOX,
    /** Archive (\Archive). */
    ARCHIVE,
    /** Junk (\Junk). */
    JUNK,
    /** Trash (\Trash). */
    TRASH,
    /** Any other folder. */
    OTHER
}
