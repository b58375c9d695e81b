package org.sealmail.crypto.rights.message;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a sender protects for online licensing (docs/rights-server-api.md §3, §6): the rights server
 * named in the publishing license and its current key certificate, to which the content-encryption
 * key (or share A) is wrapped; optionally double key encryption with the organisation's key service.
 *
 * @param rightsServer the rights server's public URL (https, no trailing slash)
 * @param serverKey the rights server's current key certificate ({@code GET /api/v1/keys}, {@code current})
 * @param doubleKey the key service, when the content-encryption key is split (double key encryption)
 */
public record OnlineLicensing(URI rightsServer, X509Certificate serverKey, Optional<DoubleKeyService> doubleKey) {

    /** Checks that no field is missing and that the URL has no trailing slash. */
    public OnlineLicensing {
        Objects.requireNonNull(rightsServer, "rightsServer");
        Objects.requireNonNull(serverKey, "serverKey");
        Objects.requireNonNull(doubleKey, "doubleKey");
        if (rightsServer.toString().endsWith("/")) {
            throw new IllegalArgumentException("the rights server URL must not end with '/': " + rightsServer);
        }
    }

    /**
     * The organisation's key service for double key encryption.
     *
     * @param url the key service's URL
     * @param key its key certificate, to which share B is wrapped
     */
    public record DoubleKeyService(URI url, X509Certificate key) {

        /** Checks that no field is missing. */
        public DoubleKeyService {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(key, "key");
        }
    }
}
