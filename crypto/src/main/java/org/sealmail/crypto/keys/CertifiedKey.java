package org.sealmail.crypto.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, as kept in a PKCS#12 file.
 *
 * @param alias the key store alias (or a generated name)
 * @param privateKey the private key
 * @param chain the certificate chain, end-entity first, then issuers towards the root; never empty
 */
public record CertifiedKey(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

    /** @throws IllegalArgumentException if the chain is empty */
    public CertifiedKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least its own certificate");
        }
    }

    /** @return the end-entity certificate (first of the chain) */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the e-mail addresses the certificate names (see {@link CertificateAddresses}) */
    public List<String> addresses() {
        return CertificateAddresses.of(certificate());
    }
}
