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

    /**
     * @param store the profile's store
     * @return the lookup over its certificate directory (the first entry found for the address)
     */
    static CertificateLookup of(org.sealmail.mailstore.db.SqliteMailStore store) {
        return address -> store.certificates().find(address).stream()
                .map(org.sealmail.mailstore.certificates.DirectoryEntry::certificate).findFirst();
    }

    /** @return the same lookup as the send pipeline asks it (RecipientCertificates: a list, empty when unknown) */
    default org.sealmail.policy.send.RecipientCertificates asRecipientCertificates() {
        return address -> certificateFor(address).stream().toList();
    }
}
