package org.sealmail.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;

/**
 * The demo's public-key material: a generated demo CA (RFC 5280 root) and an S/MIME key with
 * certificate (RFC 8550) for each of the two demo users, kept as PKCS#12 files under
 * {@code HOME/pki/} so a second start reuses them. Material that is missing, unreadable, for other
 * addresses or about to expire is made afresh.
 *
 * @param authority the demo CA (also the TLS anchor of the in-process server)
 * @param alice alice's key and chain (end entity first)
 * @param bob bob's key and chain
 * @param caFile the CA certificate as PEM ({@code HOME/pki/demo-ca.pem}), for {@code --ca-file} style imports
 */
public record DemoPki(CertificateAuthority authority, CertifiedKey alice, CertifiedKey bob, Path caFile) {

    /** Password of the demo's PKCS#12 files: they hold throw-away demo keys only. */
    public static final String KEY_STORE_PASSWORD = "demo";

    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    /** Rejects nulls. */
    public DemoPki {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(alice, "alice");
        Objects.requireNonNull(bob, "bob");
        Objects.requireNonNull(caFile, "caFile");
    }

    /**
     * Loads the demo PKI under {@code home/pki}, or makes it (an RSA-2048 CA and one RSA-2048
     * S/MIME certificate per address, valid two years).
     *
     * @param home the demo directory
     * @param aliceAddress alice's address
     * @param bobAddress bob's address
     * @param clock the time (validity checks)
     * @return the material
     * @throws UncheckedIOException if the directory cannot be written
     * @throws CryptoException if a certificate cannot be made
     */
    public static DemoPki loadOrCreate(Path home, String aliceAddress, String bobAddress, Clock clock) {
        Path pki = home.resolve("pki");
        char[] password = KEY_STORE_PASSWORD.toCharArray();
        Instant renewBy = clock.instant().plus(RENEW_BEFORE);
        try {
            Files.createDirectories(pki);
            CertifiedKey ca = loadUsable(pki.resolve("demo-ca.p12"), password, null, renewBy);
            CertifiedKey alice = ca == null ? null : loadUsable(pki.resolve("alice.p12"), password, aliceAddress, renewBy);
            CertifiedKey bob = ca == null ? null : loadUsable(pki.resolve("bob.p12"), password, bobAddress, renewBy);
            if (ca != null && alice != null && bob != null && issuedBy(alice, ca) && issuedBy(bob, ca)) {
                return new DemoPki(new CertificateAuthority(ca), alice, bob, pki.resolve("demo-ca.pem"));
            }
            CertificateAuthority authority = CertificateAuthority.createRoot("Sealmail Demo CA", KeyAlgorithm.RSA_2048);
            alice = authority.issue(EmailCertificateSpec.forAddress(aliceAddress, KeyAlgorithm.RSA_2048)
                    .withCommonName("Alice (Sealmail demo)"));
            bob = authority.issue(EmailCertificateSpec.forAddress(bobAddress, KeyAlgorithm.RSA_2048)
                    .withCommonName("Bob (Sealmail demo)"));
            Pkcs12KeyStores.write(pki.resolve("demo-ca.p12"), password, List.of(authority.issuer()));
            Pkcs12KeyStores.write(pki.resolve("alice.p12"), password, List.of(alice));
            Pkcs12KeyStores.write(pki.resolve("bob.p12"), password, List.of(bob));
            CertificateFiles.writePem(pki.resolve("demo-ca.pem"), List.of(authority.issuer().certificate()));
            return new DemoPki(authority, alice, bob, pki.resolve("demo-ca.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo keys under " + pki + ": " + e.getMessage(), e);
        }
    }

    private static CertifiedKey loadUsable(Path file, char[] password, String address, Instant renewBy) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<CertifiedKey> keys = Pkcs12KeyStores.read(file, password);
            if (keys.size() != 1) {
                return null;
            }
            CertifiedKey key = keys.get(0);
            X509Certificate certificate = key.certificate();
            if (certificate.getNotAfter().toInstant().isBefore(renewBy)) {
                return null;
            }
            if (address != null && !CertificateAddresses.matches(certificate, address)) {
                return null;
            }
            return key;
        } catch (CryptoException e) {
            return null;
        }
    }

    private static boolean issuedBy(CertifiedKey key, CertifiedKey ca) {
        return key.chain().size() > 1 && key.chain().get(key.chain().size() - 1).equals(ca.certificate());
    }

    /** @return the CA certificate, the one trust anchor of the demo (S/MIME and TLS) */
    public X509Certificate anchor() {
        return authority.issuer().certificate();
    }

    /**
     * @param user a demo user
     * @return the PKCS#12 file holding that user's key (password {@link #KEY_STORE_PASSWORD})
     */
    public Path keyStoreFile(DemoUser user) {
        return caFile.resolveSibling(user == DemoUser.ALICE ? "alice.p12" : "bob.p12");
    }
}
