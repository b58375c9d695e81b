package org.sealmail.mailstore.tls;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.testing.TestServerTls;

/** Host-name matching as RFC 6125 §6.4 describes it. */
class HostnameVerifierTest {

    private static final X509Certificate CERT = TestServerTls.issueServerCertificate(TestPki.get().root, "mail",
            List.of("mail.example.test", "*.imap.example.test"), List.of("127.0.0.1", "::1")).certificate();

    @Test
    void exactDnsNamesMatchCaseInsensitively() {
        assertThatCode(() -> HostnameVerifier.verify("MAIL.example.test", CERT)).doesNotThrowAnyException();
        assertThatCode(() -> HostnameVerifier.verify("mail.example.test.", CERT)).doesNotThrowAnyException();
    }

    @Test
    void aWildcardCoversExactlyOneLeftMostLabel() {
        assertThatCode(() -> HostnameVerifier.verify("eu.imap.example.test", CERT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostnameVerifier.verify("a.b.imap.example.test", CERT)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> HostnameVerifier.verify("imap.example.test", CERT)).isInstanceOf(CertificateException.class);
    }

    @Test
    void ipLiteralsMatchOnlyIpAddressEntries() {
        assertThatCode(() -> HostnameVerifier.verify("127.0.0.1", CERT)).doesNotThrowAnyException();
        assertThatCode(() -> HostnameVerifier.verify("[::1]", CERT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostnameVerifier.verify("127.0.0.2", CERT))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not valid for 127.0.0.2");
    }

    @Test
    void otherNamesAreRefused() {
        assertThatThrownBy(() -> HostnameVerifier.verify("example.test", CERT)).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> HostnameVerifier.verify("mail.example.test.evil", CERT)).isInstanceOf(CertificateException.class);
    }
}
