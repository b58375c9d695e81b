package org.sealmail.app.rights;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One key of a rights server or key service as {@code GET /api/v1/keys} lists it (docs/rights-server-api.md §1).
 *
 * @param kid the key id: {@code x5t#S256} of the certificate
 * @param alg the JWE key-management algorithm ({@code RSA-OAEP-256} or {@code ECDH-ES+A256KW})
 * @param chain the key's certificate first, then its chain
 * @param current true for the one key new content keys are wrapped to
 */
public record ServerKeyCertificate(String kid, String alg, List<X509Certificate> chain, boolean current) {

    /** Copies the chain and checks it is not empty. */
    public ServerKeyCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a listed key needs its certificate");
        }
    }

    /** @return the key's certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
