package org.sealmail.app.ui.setup;

import java.util.Objects;
import java.util.Optional;

/**
 * What autoconfiguration found for an address.
 *
 * @param imap the IMAP server, if found
 * @param smtp the submission server, if found
 * @param username the login name the provider uses (often the address), if known
 * @param source where it came from, e.g. "autoconfig.example.org" or "ISPDB", for the user to see
 */
public record DiscoveredServers(Optional<ServerEndpoint> imap, Optional<ServerEndpoint> smtp,
        Optional<String> username, String source) {

    /** Rejects nulls. */
    public DiscoveredServers {
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(source, "source");
    }

    /** @return nothing found */
    public static DiscoveredServers nothing() {
        return new DiscoveredServers(Optional.empty(), Optional.empty(), Optional.empty(), "");
    }
}
