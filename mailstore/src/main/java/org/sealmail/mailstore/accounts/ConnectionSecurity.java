package org.sealmail.mailstore.accounts;

/** How a connection to a mail server is secured; both mean TLS 1.2 or newer with hostname verification. */
public enum ConnectionSecurity {
    /** TLS from the first byte (IMAPS port 993, SMTP submission port 465; RFC 8314). */
    IMPLICIT_TLS,
    /** A plain connection upgraded with STARTTLS before login (RFC 3501 §6.2.1, RFC 3207); refused if the server does not offer it. */
    STARTTLS
}
