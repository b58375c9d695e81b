package org.sealmail.app.ui.rights;

/**
 * A usage right as the viewer enforces it, named in the RMS vocabulary (VIEW, EXTRACT, PRINT...).
 * Mirrors {@code org.sealmail.crypto.rights.UsageRight}; replaced by it once the rights module
 * is on the main branch.
 */
public enum UsageRight {
    /** Open and read. */
    VIEW,
    /** Change the content under the same protection. */
    EDIT,
    /** Copy content out: clipboard, drag-out. */
    EXTRACT,
    /** Save as, export attachments, remove protection. */
    EXPORT,
    /** Print. */
    PRINT,
    /** Forward. */
    FORWARD,
    /** Reply to the sender. */
    REPLY,
    /** Reply to all recipients. */
    REPLYALL,
    /** Every right. */
    OWNER,
    /** See the rights granted. */
    VIEWRIGHTSDATA
}
