package org.sealmail.app.sending;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** Correspondents' certificates (the store's certificate directory; I/O: call in the background). */
@FunctionalInterface
public interface CertificateLookup {

    /**
     * @param address a bare address
     * @return the best usable certificate that names it (valid now, e-mail protection), if known
     */
    Optional<X509Certificate> certificateFor(String address);
}
