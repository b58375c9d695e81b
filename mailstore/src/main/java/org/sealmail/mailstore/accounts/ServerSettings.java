package org.sealmail.mailstore.accounts;

import java.util.Objects;

/**
 * How to reach one server of an account. The password is not here: it lives in the secret store
 * ({@link AccountRepository#setPassword}).
 *
 * @param host the server's host name
 * @param port the TCP port (1..65535)
 * @param security implicit TLS or STARTTLS
 * @param username the login name
 */
public record ServerSettings(String host, int port, ConnectionSecurity security, String username) {

    /** Checks the fields. */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
    }
}
