package org.sealmail.app.ui.setup;

import java.util.Objects;

/**
 * A mail server as the account needs it. Only TLS is offered: implicit TLS (RFC 8314) or STARTTLS.
 *
 * @param host the host name
 * @param port the TCP port (1-65535)
 * @param security how TLS starts
 */
public record ServerEndpoint(String host, int port, Security security) {

    /** How TLS starts on the connection. */
    public enum Security {
        /** TLS from the first byte (IMAP 993, submission 465; RFC 8314, preferred). */
        IMPLICIT_TLS,
        /** STARTTLS after the greeting (IMAP 143, submission 587). */
        STARTTLS
    }

    /** Rejects a blank host, a port out of range and nulls. */
    public ServerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1-65535");
        }
    }
}
