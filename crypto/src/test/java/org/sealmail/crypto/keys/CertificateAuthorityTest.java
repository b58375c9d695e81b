package org.sealmail.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

class CertificateAuthorityTest {

    private final TestPki pki = TestPki.get();

    @Test
    void issuedCertificateNamesTheAddressAndChainsToTheRoot() {
        assertThat(pki.alice.addresses()).containsExactly("alice@example.test");
        assertThat(pki.alice.chain()).hasSize(3);
        PathValidation validation = new CertificatePathValidator(List.of(pki.root.issuer().certificate()))
                .validate(pki.alice.certificate(), pki.alice.chain().subList(1, 2), Instant.now());
        assertThat(validation.trusted()).as(validation.problem()).isTrue();
        assertThat(validation.path()).first().isEqualTo(pki.alice.certificate());
    }

    @Test
    void pathDoesNotValidateWithoutTheIntermediateOrAnotherRoot() {
        CertificatePathValidator validator = new CertificatePathValidator(List.of(pki.root.issuer().certificate()));
        assertThat(validator.validate(pki.alice.certificate(), List.of(), Instant.now()).trusted()).isFalse();
        CertificateAuthority other = CertificateAuthority.createRoot("Other", KeyAlgorithm.EC_P256);
        PathValidation foreign = new CertificatePathValidator(List.of(other.issuer().certificate()))
                .validate(pki.alice.certificate(), pki.alice.chain(), Instant.now());
        assertThat(foreign.trusted()).isFalse();
        assertThat(foreign.problem()).contains("no valid certification path");
    }

    @Test
    void expiredCertificateFailsPathValidationAtNowButPassesAtAnEarlierDate() {
        Instant start = Instant.now().minus(Duration.ofDays(30));
        CertifiedKey old = pki.root.issue(EmailCertificateSpec.forAddress("old@example.test", KeyAlgorithm.EC_P256)
                .validity(start, start.plus(Duration.ofDays(10))));
        CertificatePathValidator validator = new CertificatePathValidator(List.of(pki.root.issuer().certificate()));
        assertThat(validator.validate(old.certificate(), List.of(), Instant.now()).trusted()).isFalse();
        assertThat(validator.validate(old.certificate(), List.of(), start.plus(Duration.ofDays(5))).trusted()).isTrue();
    }

    @Test
    void pkcs12RoundTripKeepsKeyAndChain(@TempDir Path dir) {
        Path file = TestPki.writeP12(dir, "alice", pki.alice);
        List<CertifiedKey> read = Pkcs12KeyStores.read(file, TestPki.PASSWORD.toCharArray());
        assertThat(read).hasSize(1);
        assertThat(read.get(0).chain()).isEqualTo(pki.alice.chain());
        assertThat(read.get(0).privateKey().getEncoded()).isEqualTo(pki.alice.privateKey().getEncoded());
    }

    @Test
    void wrongPasswordIsAKeyStoreFailure(@TempDir Path dir) {
        Path file = TestPki.writeP12(dir, "alice", pki.alice);
        assertThatThrownBy(() -> Pkcs12KeyStores.read(file, "wrong".toCharArray()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.KEY_STORE))
                .hasMessageContaining(file.toString());
    }

    @Test
    void garbageIsNotAKeyStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garbage.p12");
        Files.writeString(file, "this is not PKCS#12");
        assertThatThrownBy(() -> Pkcs12KeyStores.read(file, "x".toCharArray()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.KEY_STORE));
    }

    @Test
    void openSslAcceptsTheCertificateForSmimeSigningAndEncryption(@TempDir Path dir) {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        Path root = pki.writeRootPem(dir);
        Path untrusted = pki.writeIntermediatePem(dir);
        for (CertifiedKey key : List.of(pki.alice, pki.erin)) {
            Path cert = TestPki.writeCertPem(dir, key.alias(), key);
            // OpenSSL's smimeencrypt purpose demands keyEncipherment, which an EC (ECDH) key must not
            // claim: RFC 8550 §4.4.2 gives EC keys keyAgreement instead, checked below.
            List<String> purposes = key == pki.erin ? List.of("smimesign") : List.of("smimesign", "smimeencrypt");
            for (String purpose : purposes) {
                PeerTool.Run run = PeerTool.run("openssl", "verify", "-purpose", purpose, "-CAfile", root.toString(),
                        "-untrusted", untrusted.toString(), cert.toString());
                assertThat(run.exitCode()).as(run.stderr()).isZero();
                assertThat(run.out()).contains(": OK");
            }
        }
    }

    @Test
    void ecCertificateAllowsKeyAgreementAndRsaKeyEncipherment() {
        // keyUsage bits (RFC 5280 §4.2.1.3): 0 digitalSignature, 2 keyEncipherment, 4 keyAgreement
        assertThat(pki.erin.certificate().getKeyUsage()[4]).isTrue();
        assertThat(pki.erin.certificate().getKeyUsage()[2]).isFalse();
        assertThat(pki.alice.certificate().getKeyUsage()[2]).isTrue();
        assertThat(pki.alice.certificate().getKeyUsage()[0]).isTrue();
    }

    @Test
    void openSslReadsOurPkcs12(@TempDir Path dir) {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        Path file = TestPki.writeP12(dir, "bob", pki.bob);
        PeerTool.Run run = PeerTool.run("openssl", "pkcs12", "-in", file.toString(), "-nokeys", "-passin",
                "pass:" + TestPki.PASSWORD).ok();
        assertThat(run.out()).contains("CN = Bob Example");
    }

    @Test
    void readsAddressFromSubjectEmailAddressOfARealCertificate() {
        // Bouncy Castle's toolkit test certificate: subject emailAddress only (openssl x509 -subject)
        var certificate = CertificateFiles.read(Path.of("src/test/resources/bc-java/mail-smime/smimeTKcert.pem")).get(0);
        assertThat(CertificateAddresses.of(certificate)).containsExactly("sample@example.org");
    }

    @Test
    void readsAddressFromSubjectAltNameOfRfc4134Certificate() {
        // RFC 4134 §2.3: AliceRSASignByCarl.cer, subjectAltName rfc822Name AliceRSA@example.com (DER file)
        var certificate = CertificateFiles.read(Path.of("src/test/resources/rfc4134/AliceRSASignByCarl.cer")).get(0);
        assertThat(CertificateAddresses.of(certificate)).containsExactly("alicersa@example.com");
        assertThat(CertificateAddresses.matches(certificate, "AliceRSA@Example.com")).isTrue();
    }

    @Test
    void certificateWithSanAndSubjectEmailListsEachOnce() {
        // dotnet_enc_cert.pem: subject emailAddress and SAN email both mparker@medicity.com, plus a UPN othername
        var certificate = CertificateFiles.read(Path.of("src/test/resources/bc-java/mail-smime/dotnet_enc_cert.pem")).get(0);
        assertThat(CertificateAddresses.of(certificate)).containsExactly("mparker@medicity.com");
    }

    @Test
    void certificateFileWithoutCertificateIsRefusedClearly(@TempDir Path dir) throws Exception {
        Path keyOnly = dir.resolve("key.pem");
        Files.writeString(keyOnly, Files.readString(Path.of("src/test/resources/bc-java/mail-smime/smimeTKkey.pem")));
        assertThatThrownBy(() -> CertificateFiles.read(keyOnly))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.CERTIFICATE))
                .hasMessageContaining("no CERTIFICATE block");
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CertificateFiles.read(empty)).hasMessageContaining("empty input");
    }

    @Test
    void anEndEntityKeyCannotActAsACertificateAuthority() {
        // RFC 5280 §4.2.1.9: only a certificate with basicConstraints cA=TRUE may issue certificates;
        // openssl verify rejects what alice would sign with "invalid CA certificate" (error 79)
        assertThatThrownBy(() -> new CertificateAuthority(pki.alice))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.CERTIFICATE))
                .hasMessage("\"alice@example.test\" (CN=Alice Example,O=Sealmail Test) is not a CA certificate"
                        + " (basicConstraints cA is not set), so it cannot issue certificates");
    }

    @Test
    void anAddressThatIsNotAnAddrSpecIsRefused() {
        assertThatThrownBy(() -> EmailCertificateSpec.forAddress("not an email", KeyAlgorithm.EC_P256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an e-mail address (local@domain, ASCII): \"not an email\"");
        assertThat(EmailCertificateSpec.isAddress("alice@example.test")).isTrue();
        assertThat(EmailCertificateSpec.isAddress("first.last+tag@mail.example-host.test")).isTrue();
        for (String bad : new String[] {"alice", "@example.test", "alice@", "alice@@example.test", "Alice <alice@example.test>",
            "alice@exa mple.test", "alice@-example.test", "a..b@example.test", "jörg@example.test", "alice@example.test\n"}) {
            assertThat(EmailCertificateSpec.isAddress(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aWrittenKeyStoreIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path fresh = TestPki.writeP12(dir, "alice", pki.alice);
        Path existing = Files.writeString(dir.resolve("bob.p12"), "old content");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        Pkcs12KeyStores.write(existing, TestPki.PASSWORD.toCharArray(), List.of(pki.bob));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");
        assertThat(Pkcs12KeyStores.read(existing, TestPki.PASSWORD.toCharArray()).get(0).certificate())
                .isEqualTo(pki.bob.certificate());
    }

    @Test
    void aKeyStoreInAMissingDirectorySaysSo(@TempDir Path dir) {
        Path target = dir.resolve("missing").resolve("alice.p12");
        assertThatThrownBy(() -> Pkcs12KeyStores.write(target, TestPki.PASSWORD.toCharArray(), List.of(pki.alice)))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.IO))
                .hasMessage("cannot write key store " + target + ": the directory " + dir.resolve("missing") + " does not exist");
    }
}
