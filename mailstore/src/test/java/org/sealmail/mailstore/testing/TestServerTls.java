package org.sealmail.mailstore.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * TLS material for test servers: TLS server certificates issued by the shared test root
 * ({@link TestPki}), a PKCS#12 key store for GreenMail, and server-side SSL contexts. Clients
 * trust the root through {@link AccountTrust} (an extra anchor for the test account), never
 * through JVM-wide properties or a trust-all manager.
 */
public final class TestServerTls {

    /** Password of the key stores written here. */
    public static final String PASSWORD = "test-pass";

    private static TestServerTls instance;

    private final CertifiedKey localhost;
    private final Path keyStore;

    private TestServerTls() {
        localhost = issueServerCertificate(TestPki.get().root, "localhost", List.of("localhost"), List.of("127.0.0.1"));
        try {
            keyStore = Files.createTempFile("sealmail-test-server", ".p12");
            keyStore.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                keyStoreOf(localhost).store(out, PASSWORD.toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the shared instance */
    public static synchronized TestServerTls get() {
        if (instance == null) {
            instance = new TestServerTls();
        }
        return instance;
    }

    /** @return the server key and chain for localhost / 127.0.0.1 */
    public CertifiedKey localhost() {
        return localhost;
    }

    /** @return the PKCS#12 file holding {@link #localhost()} (password {@link #PASSWORD}) */
    public Path keyStoreFile() {
        return keyStore;
    }

    /** @return the test root certificate (the anchor clients add) */
    public X509Certificate root() {
        return TestPki.get().root.issuer().certificate();
    }

    /** @return trust in the platform plus the test root */
    public AccountTrust trust() {
        return AccountTrust.platform().withAnchor(root());
    }

    /**
     * @param key a server key and chain
     * @return a server-side TLS context presenting it
     */
    public static SSLContext serverContext(CertifiedKey key) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStoreOf(key), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore keyStoreOf(CertifiedKey key) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key.privateKey(), PASSWORD.toCharArray(), key.chain().toArray(new X509Certificate[0]));
        return store;
    }

    /**
     * Issues a TLS server certificate (RFC 5280; extendedKeyUsage serverAuth, SAN dNSName and iPAddress).
     *
     * @param issuer the CA
     * @param commonName the subject CN
     * @param dnsNames SAN DNS names
     * @param ips SAN IP addresses
     * @return key and chain (leaf first)
     */
    public static CertifiedKey issueServerCertificate(CertificateAuthority issuer, String commonName, List<String> dnsNames,
            List<String> ips) {
        try {
            KeyPair pair = KeyAlgorithm.RSA_2048.generate();
            Instant now = Instant.now();
            X509Certificate issuerCert = issuer.issuer().certificate();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerCert,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + commonName + ",O=Sealmail Test"),
                    pair.getPublic());
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ips.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.issuer().privateKey())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuer.issuer().chain());
            return new CertifiedKey(commonName, pair.getPrivate(), chain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue test server certificate", e);
        }
    }
}
