package org.sealmail.app.ui.mailbox;

/** The state of an account's server connection, shown in the status bar. */
public enum ConnectionState {
    /** Not connected (no network or not started). */
    OFFLINE,
    /** Connecting or authenticating. */
    CONNECTING,
    /** Connected and idle (IDLE or polling). */
    CONNECTED,
    /** Connected and synchronizing. */
    SYNCHRONIZING,
    /** The last attempt failed; see the status detail. */
    FAILED
}
