package org.sealmail.mailstore.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Thrown by {@link AccountTrustManager} when a server's certificate chain is trusted neither by
 * the platform, nor by the account's extra anchors, nor by a pin. Carries the presented chain
 * and the leaf's SHA-256 fingerprint so the user can check it and pin it explicitly.
 */
public final class UntrustedCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final transient List<X509Certificate> chain;
    private final String fingerprint;

    /**
     * @param host the server host name the client connected to (may be null when unknown)
     * @param chain the chain the server presented, leaf first
     * @param cause why path validation failed
     */
    public UntrustedCertificateException(String host, List<X509Certificate> chain, Throwable cause) {
        super("certificate for " + (host != null ? host : "the server") + " not trusted: SHA-256 "
                + CertificateFingerprint.sha256(chain.get(0)) + " (subject " + chain.get(0).getSubjectX500Principal()
                + ", issuer " + chain.get(0).getIssuerX500Principal() + ")", cause);
        this.host = host;
        this.chain = List.copyOf(chain);
        this.fingerprint = CertificateFingerprint.sha256(chain.get(0));
    }

    /** @return the host the client connected to, or null */
    public String host() {
        return host;
    }

    /** @return the chain the server presented, leaf first */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return SHA-256 fingerprint of the server (leaf) certificate */
    public String fingerprint() {
        return fingerprint;
    }
}
