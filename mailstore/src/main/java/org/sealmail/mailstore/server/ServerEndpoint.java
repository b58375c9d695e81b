package org.sealmail.mailstore.server;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a mail server listens and how the connection is secured.
 *
 * @param host a DNS name or IP literal
 * @param port a TCP port, 1..65535
 * @param security implicit TLS or STARTTLS
 */
public record ServerEndpoint(String host, int port, ConnectionSecurity security) {

    /** IMAP over implicit TLS (RFC 8314). */
    public static final int IMAPS_PORT = 993;
    /** IMAP with STARTTLS (RFC 3501). */
    public static final int IMAP_PORT = 143;
    /** Message submission with STARTTLS (RFC 6409). */
    public static final int SUBMISSION_PORT = 587;
    /** Message submission over implicit TLS (RFC 8314 §3.3). */
    public static final int SUBMISSIONS_PORT = 465;

    /** @throws IllegalArgumentException if the host is blank or the port is out of range */
    public ServerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (host.isBlank()) {
            throw new IllegalArgumentException("server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port " + port + " is not in 1..65535");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code HOST[:PORT]} for IMAP: no port means 993; port 993 means implicit TLS, any
     * other port STARTTLS.
     *
     * @param text host and optional port, e.g. {@code imap.example.org:143}
     * @return the endpoint
     * @throws IllegalArgumentException if the text is not HOST[:PORT]
     */
    public static ServerEndpoint parseImap(String text) {
        return parse(text, IMAPS_PORT, IMAPS_PORT);
    }

    /**
     * Parses {@code HOST[:PORT]} for SMTP submission: no port means 587; port 465 means
     * implicit TLS, any other port STARTTLS.
     *
     * @param text host and optional port, e.g. {@code smtp.example.org:465}
     * @return the endpoint
     * @throws IllegalArgumentException if the text is not HOST[:PORT]
     */
    public static ServerEndpoint parseSubmission(String text) {
        return parse(text, SUBMISSION_PORT, SUBMISSIONS_PORT);
    }

    private static ServerEndpoint parse(String text, int defaultPort, int implicitTlsPort) {
        Objects.requireNonNull(text, "text");
        String host = text.trim();
        int port = defaultPort;
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': unclosed [ in IPv6 literal");
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("'" + text + "' is not HOST[:PORT]");
                }
                port = parsePort(text, rest.substring(1));
            }
        } else if (colon >= 0) {
            if (host.indexOf(':') != colon) {
                throw new IllegalArgumentException("'" + text + "': write an IPv6 address as [ADDRESS]:PORT");
            }
            port = parsePort(text, host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        ConnectionSecurity security = port == implicitTlsPort ? ConnectionSecurity.IMPLICIT_TLS : ConnectionSecurity.STARTTLS;
        return new ServerEndpoint(host, port, security);
    }

    private static int parsePort(String text, String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': port '" + port + "' is not a number", e);
        }
    }

    /** @return a copy with another security mode */
    public ServerEndpoint withSecurity(ConnectionSecurity other) {
        return new ServerEndpoint(host, port, other);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (security == ConnectionSecurity.IMPLICIT_TLS ? " (TLS)" : " (STARTTLS)");
    }
}
