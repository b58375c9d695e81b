package org.sealmail.mailstore.server;

/**
 * How a connection to a mail server is protected. Both are TLS (1.2 or 1.3); there is no
 * plaintext option.
 */
public enum ConnectionSecurity {
    /** TLS from the first byte: IMAPS on 993 (RFC 8314 §3.2), submissions on 465 (RFC 8314 §3.3). */
    IMPLICIT_TLS,
    /** A plain connection upgraded with STARTTLS before any credentials are sent (RFC 3501 §6.2.1, RFC 3207); required. */
    STARTTLS
}
