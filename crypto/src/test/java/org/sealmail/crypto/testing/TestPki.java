package org.sealmail.crypto.testing;

import java.nio.file.Path;
import java.util.List;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;

/**
 * A test PKI made once per JVM: a root CA, an intermediate, and S/MIME keys for alice, bob
 * and carol (RSA 2048) and for erin and frank (EC P-256, P-384). Key generation is slow, so
 * tests share these.
 */
public final class TestPki {

    /** Password of every key store {@link #writeP12} writes. */
    public static final String PASSWORD = "test-pass";

    private static TestPki instance;

    public final CertificateAuthority root;
    public final CertificateAuthority intermediate;
    public final CertifiedKey alice;
    public final CertifiedKey bob;
    public final CertifiedKey carol;
    public final CertifiedKey erin;
    public final CertifiedKey frank;

    private TestPki() {
        root = CertificateAuthority.createRoot("Sealmail Test Root", KeyAlgorithm.RSA_2048);
        intermediate = root.issueIntermediate("Sealmail Test Intermediate", KeyAlgorithm.RSA_2048);
        alice = intermediate.issue(EmailCertificateSpec.forAddress("alice@example.test", KeyAlgorithm.RSA_2048)
                .withCommonName("Alice Example"));
        bob = intermediate.issue(EmailCertificateSpec.forAddress("bob@example.test", KeyAlgorithm.RSA_2048)
                .withCommonName("Bob Example"));
        carol = root.issue(EmailCertificateSpec.forAddress("carol@example.test", KeyAlgorithm.RSA_2048));
        erin = intermediate.issue(EmailCertificateSpec.forAddress("erin@example.test", KeyAlgorithm.EC_P256));
        frank = intermediate.issue(EmailCertificateSpec.forAddress("frank@example.test", KeyAlgorithm.EC_P384));
    }

    /** @return the shared test PKI */
    public static synchronized TestPki get() {
        if (instance == null) {
            instance = new TestPki();
        }
        return instance;
    }

    /** Writes the key with its chain to DIR/NAME.p12 (password {@link #PASSWORD}) and returns the path. */
    public static Path writeP12(Path dir, String name, CertifiedKey key) {
        Path file = dir.resolve(name + ".p12");
        Pkcs12KeyStores.write(file, PASSWORD.toCharArray(), List.of(key));
        return file;
    }

    /** Writes the private key as unencrypted PKCS#8 PEM (for openssl -inkey) and returns the path. */
    public static Path writeKeyPem(Path dir, String name, CertifiedKey key) {
        Path file = dir.resolve(name + ".key.pem");
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(java.nio.file.Files.newBufferedWriter(file))) {
            writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key.privateKey(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the end-entity certificate alone as PEM and returns the path. */
    public static Path writeCertPem(Path dir, String name, CertifiedKey key) {
        Path file = dir.resolve(name + ".pem");
        CertificateFiles.writePem(file, List.of(key.certificate()));
        return file;
    }

    /** Writes the root CA certificate as PEM (the trust anchor) and returns the path. */
    public Path writeRootPem(Path dir) {
        Path file = dir.resolve("root-ca.pem");
        CertificateFiles.writePem(file, List.of(root.issuer().certificate()));
        return file;
    }

    /** Writes the intermediate CA certificate as PEM and returns the path. */
    public Path writeIntermediatePem(Path dir) {
        Path file = dir.resolve("intermediate-ca.pem");
        CertificateFiles.writePem(file, List.of(intermediate.issuer().certificate()));
        return file;
    }
}
