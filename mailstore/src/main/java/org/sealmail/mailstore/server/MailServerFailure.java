package org.sealmail.mailstore.server;

/** Why talking to a mail server failed; decides whether a later retry can help. */
public enum MailServerFailure {
    /** The server refused the credentials (IMAP NO on LOGIN/AUTHENTICATE, SMTP 535). Not retried. */
    AUTHENTICATION_FAILED(false),
    /** The account is marked "authentication failed" from an earlier try; nothing was sent until the credentials change. */
    ACCOUNT_LOCKED(false),
    /** The server's certificate is not trusted by the platform, the account's anchors or a pin. Not retried. */
    CERTIFICATE_UNTRUSTED(false),
    /** The TLS handshake failed otherwise (protocol version, host name mismatch). Not retried. */
    TLS(false),
    /** No connection, or it broke (refused, timeout, reset, server restart). Retried with backoff. */
    CONNECTION(true),
    /** The server answered something we cannot use (BAD, malformed response). */
    PROTOCOL(true),
    /** The server refused the message or a recipient for good (SMTP 5xx). */
    REJECTED(false),
    /** The server refused for now (SMTP 4xx). Retried later. */
    TEMPORARILY_REJECTED(true),
    /**
     * The folder's UIDVALIDITY on the server differs from the one the local rows belong to: the
     * operation was not done (its UIDs may name other messages now); the folder is resynchronised.
     */
    UIDVALIDITY_CHANGED(false),
    /** A named folder does not exist on the server. */
    FOLDER_NOT_FOUND(false);

    private final boolean retryable;

    MailServerFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** @return whether trying again later may succeed without the user changing anything */
    public boolean retryable() {
        return retryable;
    }
}
