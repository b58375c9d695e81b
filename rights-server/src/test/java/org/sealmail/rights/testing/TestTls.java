package org.sealmail.rights.testing;

import java.io.IOException;
import java.io.OutputStream;
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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.testing.TestPki;

/**
 * TLS for tests: a server certificate for localhost / 127.0.0.1 issued by the shared test root
 * (RFC 5280: serverAuth, SAN dNSName and iPAddress), and client contexts that trust that root
 * only — never a trust-all manager.
 */
public final class TestTls {

    /** Password of the key stores written here. */
    public static final String PASSWORD = "test-pass";

    private static CertifiedKey localhost;

    private TestTls() {
    }

    /** @return the localhost server key and chain (leaf first) */
    public static synchronized CertifiedKey localhost() {
        if (localhost == null) {
            localhost = issue("localhost");
        }
        return localhost;
    }

    /** @return the test root every client trusts */
    public static X509Certificate root() {
        return TestPki.get().root.issuer().certificate();
    }

    /**
     * @param file where to write the PKCS#12 file
     * @param keys the entries (alias = the key's alias)
     * @return the file
     */
    public static Path writePkcs12(Path file, List<CertifiedKey> keys) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (CertifiedKey key : keys) {
                store.setKeyEntry(key.alias(), key.privateKey(), PASSWORD.toCharArray(), key.chain().toArray(new X509Certificate[0]));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** @return a client TLS context trusting only the test root */
    public static SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("test-root", root());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertifiedKey issue(String name) {
        try {
            CertifiedKey issuer = TestPki.get().root.issuer();
            KeyPair pair = KeyAlgorithm.RSA_2048.generate();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(),
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + name + ",O=Sealmail Test"), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, name), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.privateKey())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuer.chain());
            return new CertifiedKey("tls", pair.getPrivate(), chain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the test TLS certificate", e);
        }
    }
}
