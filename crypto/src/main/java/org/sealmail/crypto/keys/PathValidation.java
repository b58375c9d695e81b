package org.sealmail.crypto.keys;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Outcome of a PKIX certification path validation (RFC 5280 §6).
 *
 * @param trusted true if a path from the certificate to a trust anchor validated
 * @param path the validated path, end entity first, without the trust anchor; empty when not trusted
 * @param anchor the trust anchor the path ends at, when trusted
 * @param problem why validation failed, in words for a user; {@code null} when trusted
 */
public record PathValidation(boolean trusted, List<X509Certificate> path, Optional<X509Certificate> anchor,
        String problem) {

    /** Normalises the path to an immutable list. */
    public PathValidation {
        path = List.copyOf(path);
    }

    static PathValidation trusted(List<X509Certificate> path, X509Certificate anchor) {
        return new PathValidation(true, path, Optional.ofNullable(anchor), null);
    }

    static PathValidation untrusted(String problem) {
        return new PathValidation(false, List.of(), Optional.empty(), problem);
    }
}
