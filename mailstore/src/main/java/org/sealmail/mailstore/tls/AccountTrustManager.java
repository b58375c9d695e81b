package org.sealmail.mailstore.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Decides whether a mail server's certificate chain is trusted for one account: first by the
 * platform's trust store (PKIX), then by the account's extra anchors (PKIX), then by an exact
 * SHA-256 pin of the server certificate. Anything else is refused with an
 * {@link UntrustedCertificateException} that names the fingerprint. It never accepts silently,
 * and it is client-only (it refuses to judge client certificates).
 *
 * <p>Whatever made the chain acceptable (platform, anchor or pin), the certificate must also name
 * the host the client connected to (RFC 6125, {@link HostnameVerifier}); a handshake whose host
 * is unknown is refused. (Jakarta Mail's own {@code checkserveridentity} is on as well.)
 */
public final class AccountTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager platform;
    private final X509TrustManager anchors;
    private final AccountTrust trust;

    /**
     * @param trust the account's anchors and pins
     * @throws IllegalStateException if the platform trust store cannot be loaded
     */
    public AccountTrustManager(AccountTrust trust) {
        this.trust = trust;
        this.platform = trustManagerFor(null);
        this.anchors = trust.extraAnchors().isEmpty() ? null : trustManagerFor(keyStoreOf(trust.extraAnchors()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        String host = socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
                ? ssl.getHandshakeSession().getPeerHost() : null;
        check(chain, authType, host);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, engine != null ? engine.getPeerHost() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null);
    }

    private void check(X509Certificate[] chain, String authType, String host) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server " + (host != null ? host + " " : "") + "sent no certificate");
        }
        trusted(chain, authType, host);
        if (host == null || host.isEmpty()) {
            throw new CertificateException("cannot verify the server's host name: the connection has none");
        }
        HostnameVerifier.verify(host, chain[0]);
    }

    private void trusted(X509Certificate[] chain, String authType, String host) throws CertificateException {
        CertificateException platformFailure;
        try {
            platform.checkServerTrusted(chain, authType);
            return;
        } catch (CertificateException e) {
            platformFailure = e;
        }
        if (anchors != null) {
            try {
                anchors.checkServerTrusted(chain, authType);
                return;
            } catch (CertificateException e) {
                platformFailure.addSuppressed(e);
            }
        }
        if (trust.pinnedFingerprints().contains(CertificateFingerprint.sha256(chain[0]))) {
            chain[0].checkValidity();
            return;
        }
        throw new UntrustedCertificateException(host, Arrays.asList(chain), platformFailure);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this trust manager judges mail servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this trust manager judges mail servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager judges mail servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> issuers = new java.util.ArrayList<>(Arrays.asList(platform.getAcceptedIssuers()));
        issuers.addAll(trust.extraAnchors());
        return issuers.toArray(new X509Certificate[0]);
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate certificate : certificates) {
                store.setCertificateEntry("anchor-" + i++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the account's trust store", e);
        }
    }

    private static X509TrustManager trustManagerFor(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the platform offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the platform trust store", e);
        }
    }
}
