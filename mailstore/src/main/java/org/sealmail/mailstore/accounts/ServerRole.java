package org.sealmail.mailstore.accounts;

/** Which server of an account a setting or password is for. */
public enum ServerRole {
    /** The IMAP server (reading mail). */
    IMAP,
    /** The SMTP submission server (sending mail). */
    SMTP
}
