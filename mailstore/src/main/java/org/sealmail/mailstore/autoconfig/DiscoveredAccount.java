package org.sealmail.mailstore.autoconfig;

import java.util.Objects;
import org.sealmail.mailstore.server.ServerEndpoint;

/**
 * Server settings found for an address.
 *
 * @param email the address
 * @param imap the IMAP server
 * @param smtp the submission server
 * @param username the login name
 * @param source where the settings came from
 * @param confirmHosts true when a server lies outside the address's domain and the settings came
 *                     from unauthenticated DNS: the user must confirm them (RFC 6186 §6)
 */
public record DiscoveredAccount(String email, ServerEndpoint imap, ServerEndpoint smtp, String username,
        DiscoverySource source, boolean confirmHosts) {

    /** @throws NullPointerException if a field is missing */
    public DiscoveredAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(source, "source");
    }
}
