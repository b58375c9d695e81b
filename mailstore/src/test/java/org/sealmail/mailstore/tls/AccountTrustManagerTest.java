package org.sealmail.mailstore.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.mailstore.server.MailExceptionTranslator;
import org.sealmail.mailstore.testing.TestServerTls;

/**
 * Client-side trust decisions against a TLS server in this JVM: platform trust refuses a test
 * CA, an extra anchor or an exact pin accepts, anything else is refused with the fingerprint;
 * TLS 1.1 is never negotiated.
 */
class AccountTrustManagerTest {

    private SSLServerSocket server;
    private Thread acceptor;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private int serve(CertifiedKey key, String... protocols) throws IOException {
        SSLContext context = TestServerTls.serverContext(key);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setEnabledProtocols(protocols);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.startHandshake();
                    socket.getOutputStream().write('x');
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // refused handshakes end here
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private static int handshake(AccountTrust trust, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) new TlsSocketFactory(trust).createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return socket.getInputStream().read();
        }
    }

    @Test
    void platformTrustRefusesACertificateFromAnUnknownCaAndNamesItsFingerprint() throws IOException {
        CertifiedKey key = TestServerTls.get().localhost();
        int port = serve(key, "TLSv1.3", "TLSv1.2");

        assertThatThrownBy(() -> handshake(AccountTrust.platform(), port))
                .isInstanceOf(SSLHandshakeException.class)
                .satisfies(e -> {
                    UntrustedCertificateException untrusted = MailExceptionTranslator.find(e, UntrustedCertificateException.class);
                    assertThat(untrusted).isNotNull();
                    assertThat(untrusted.fingerprint()).isEqualTo(CertificateFingerprint.sha256(key.certificate()));
                    assertThat(untrusted.getMessage()).contains("not trusted: SHA-256 " + untrusted.fingerprint());
                });
    }

    @Test
    void theTestRootAsAnExtraAnchorIsTrustedForThatAccountOnly() throws IOException {
        int port = serve(TestServerTls.get().localhost(), "TLSv1.3", "TLSv1.2");

        assertThat(handshake(TestServerTls.get().trust(), port)).isEqualTo('x');
    }

    @Test
    void aPinAcceptsExactlyThePinnedCertificate() throws IOException {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Stranger CA", KeyAlgorithm.RSA_2048);
        CertifiedKey key = TestServerTls.issueServerCertificate(stranger, "localhost", List.of("localhost"), List.of("127.0.0.1"));
        int port = serve(key, "TLSv1.3", "TLSv1.2");

        assertThat(handshake(AccountTrust.platform().withPin(CertificateFingerprint.sha256(key.certificate())), port))
                .isEqualTo('x');
        String otherPin = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());
        assertThatThrownBy(() -> handshake(AccountTrust.platform().withPin(otherPin), port))
                .isInstanceOf(SSLHandshakeException.class)
                .satisfies(e -> assertThat(MailExceptionTranslator.find(e, UntrustedCertificateException.class).fingerprint())
                        .isEqualTo(CertificateFingerprint.sha256(key.certificate())));
    }

    @Test
    void aServerOfferingOnlyTls11IsRefused() throws IOException {
        int port = serve(TestServerTls.get().localhost(), "TLSv1.1");

        assertThatThrownBy(() -> handshake(TestServerTls.get().trust(), port)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void fingerprintMatchesOpensslX509Fingerprint() throws Exception {
        X509Certificate certificate;
        try (InputStream in = getClass().getResourceAsStream("/openssl/smime-certs/smroot.pem")) {
            certificate = CertificateFiles.parse(in.readAllBytes()).get(0);
        }
        // openssl x509 -in smroot.pem -noout -fingerprint -sha256 (OpenSSL 3.0)
        assertThat(CertificateFingerprint.sha256(certificate)).isEqualTo(
                "6E:97:0C:15:41:3E:4B:36:B8:E8:9B:A6:DF:3A:CC:8A:B6:50:A9:5F:F7:03:28:F7:26:B6:68:F6:A5:91:79:34");
        assertThat(CertificateFingerprint.normalize("6e970c15413e4b36b8e89ba6df3acc8ab650a95ff70328f726b668f6a5917934"))
                .isEqualTo(CertificateFingerprint.sha256(certificate));
        assertThatThrownBy(() -> CertificateFingerprint.normalize("6E:97")).isInstanceOf(IllegalArgumentException.class);
    }
}
