package org.sealmail.crypto.rights.license;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A publishing license whose JWS signature verified with the first certificate of its
 * {@code x5c} chain, and that certificate names the license's issuer.
 *
 * @param license the license
 * @param compact the JWS compact serialization as received (ASCII)
 * @param chain the {@code x5c} certificates, signer first (not path-validated here)
 */
public record SignedPublishingLicense(PublishingLicense license, String compact, List<X509Certificate> chain) {

    /** Checks the fields and copies the chain. */
    public SignedPublishingLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(compact, "compact");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signed publishing license needs its signer's certificate");
        }
    }

    /** @return the signer's certificate */
    public X509Certificate signer() {
        return chain.get(0);
    }
}
