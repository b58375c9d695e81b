package org.sealmail.mailstore.autoconfig;

import java.net.URI;
import java.util.Optional;

/** Fetches an autoconfig document; injectable so tests serve files from loopback. */
public interface AutoconfigFetcher {

    /**
     * @param uri where to look
     * @return the body of a 200 response, empty on any failure (not found, no connection, too large)
     */
    Optional<byte[]> fetch(URI uri);
}
