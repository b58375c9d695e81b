package org.sealmail.app.ui.setup;

import java.util.Objects;

/**
 * Account creation stopped because the server's certificate is not trusted (not issued by a CA
 * the platform trusts, nor pinned). The user may compare the fingerprint with the provider's and
 * accept it.
 */
public final class UntrustedServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String fingerprint;

    /**
     * @param host the server's host name
     * @param fingerprint the SHA-256 fingerprint of its certificate (AA:BB:...)
     * @param cause the transport's failure
     */
    public UntrustedServerException(String host, String fingerprint, Throwable cause) {
        super("the certificate of " + host + " is not trusted (SHA-256 " + fingerprint + ")", cause);
        this.host = Objects.requireNonNull(host, "host");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** @return the server's host name */
    public String host() {
        return host;
    }

    /** @return the SHA-256 fingerprint of the server certificate */
    public String fingerprint() {
        return fingerprint;
    }
}
