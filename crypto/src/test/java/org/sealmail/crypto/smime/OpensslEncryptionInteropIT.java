package org.sealmail.crypto.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.smime.encrypt.ContentEncryption;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.KeyTransport;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Interop with OpenSSL 3 {@code cms} in both directions: what Sealmail encrypts, {@code openssl cms -decrypt}
 * turns back into the exact inner MIME entity; what {@code openssl cms -encrypt} makes, Sealmail decrypts
 * to the exact input and reports the algorithms OpenSSL says it used ({@code cms -cmsout -print}).
 */
class OpensslEncryptionInteropIT {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void keys() {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        pki = TestPki.get();
        for (var entry : List.of(List.of("alice", pki.alice), List.of("bob", pki.bob), List.of("erin", pki.erin),
                List.of("frank", pki.frank))) {
            String name = (String) entry.get(0);
            CertifiedKey key = (CertifiedKey) entry.get(1);
            TestPki.writeKeyPem(dir, name, key);
            TestPki.writeCertPem(dir, name, key);
        }
    }

    static Stream<Arguments> ourEncryptions() {
        List<Arguments> cases = new ArrayList<>();
        for (ContentEncryption encryption : ContentEncryption.values()) {
            cases.add(Arguments.of(encryption, KeyTransport.RSA_OAEP_SHA256, "bob", "1.2.840.113549.1.1.7"));
            cases.add(Arguments.of(encryption, KeyTransport.RSA_PKCS1_V1_5, "bob", "1.2.840.113549.1.1.1"));
            cases.add(Arguments.of(encryption, KeyTransport.RSA_OAEP_SHA256, "erin", "1.3.132.1.11.1"));
            cases.add(Arguments.of(encryption, KeyTransport.RSA_OAEP_SHA256, "frank", "1.3.132.1.11.2"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} for {2}")
    @MethodSource("ourEncryptions")
    void opensslDecryptsWhatWeEncryptToTheExactInnerEntity(ContentEncryption encryption, KeyTransport transport,
            String recipient, String keyManagementOid) throws IOException {
        CertifiedKey key = key(recipient);
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(),
                new EncryptionOptions(encryption, transport), pki.alice, key);
        Path in = dir.resolve("ours-" + encryption + transport + recipient + ".eml");
        Files.write(in, encrypted);

        String structure = PeerTool.run("openssl", "cms", "-cmsout", "-print", "-in", in.toString()).ok().out();
        assertThat(structure).contains(encryption == ContentEncryption.AES_256_GCM
                ? "authEnvelopedData (1.2.840.113549.1.9.16.1.23)" : "pkcs7-envelopedData (1.2.840.113549.1.7.3)");
        assertThat(structure).contains(encryption == ContentEncryption.AES_256_GCM ? "aes-256-gcm" : "aes-256-cbc");
        assertThat(structure).contains("(" + keyManagementOid + ")");
        if (transport == KeyTransport.RSA_OAEP_SHA256 && recipient.equals("bob")) {
            assertThat(structure).contains("sha256");
        }

        for (String reader : List.of(recipient, "alice")) {
            Path out = dir.resolve("ours-out-" + encryption + transport + recipient + reader);
            PeerTool.run("openssl", "cms", "-decrypt", "-in", in.toString(), "-inkey", keyPem(reader),
                    "-recip", certPem(reader), "-out", out.toString()).ok();
            assertThat(Files.readAllBytes(out)).as("openssl output for " + reader).isEqualTo(SmimeFixtures.innerEntity());
        }
    }

    static Stream<Arguments> theirEncryptions() {
        return Stream.of(
                Arguments.of("-aes-256-gcm", List.of(), "bob", "AuthEnvelopedData", "AES-256-GCM", "RSA PKCS#1 v1.5"),
                Arguments.of("-aes-128-gcm", List.of(), "bob", "AuthEnvelopedData", "AES-128-GCM", "RSA PKCS#1 v1.5"),
                Arguments.of("-aes-256-cbc", List.of(), "bob", "EnvelopedData", "AES-256-CBC", "RSA PKCS#1 v1.5"),
                Arguments.of("-aes-256-gcm", List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256"),
                        "bob", "AuthEnvelopedData", "AES-256-GCM", "RSAES-OAEP (SHA-256, MGF1-SHA-256)"),
                Arguments.of("-aes-256-cbc", List.of("-keyopt", "rsa_padding_mode:oaep"),
                        "bob", "EnvelopedData", "AES-256-CBC", "RSAES-OAEP (SHA-1, MGF1-SHA-1)"),
                Arguments.of("-aes-256-gcm", List.of(), "erin", "AuthEnvelopedData", "AES-256-GCM",
                        "ECDH ephemeral-static, X9.63 KDF SHA-1, AES-256 key wrap"),
                Arguments.of("-aes-256-cbc", List.of(), "frank", "EnvelopedData", "AES-256-CBC",
                        "ECDH ephemeral-static, X9.63 KDF SHA-1, AES-256 key wrap"),
                Arguments.of("-aes-256-gcm", List.of("-keyid"), "bob", "AuthEnvelopedData", "AES-256-GCM", "RSA PKCS#1 v1.5"),
                Arguments.of("-aes-256-cbc", List.of("-keyid"), "erin", "EnvelopedData", "AES-256-CBC",
                        "ECDH ephemeral-static, X9.63 KDF SHA-1, AES-256 key wrap"));
    }

    @ParameterizedTest(name = "openssl {0} {1} for {2}")
    @MethodSource("theirEncryptions")
    void weDecryptWhatOpensslEncrypts(String cipher, List<String> options, String recipient, String contentType,
            String contentAlgorithm, String keyManagement) throws IOException {
        Path plain = dir.resolve("inner.txt");
        Files.write(plain, SmimeFixtures.innerEntity());
        Path out = dir.resolve("theirs-" + cipher + recipient + options.size() + ".eml");
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-encrypt", "-binary", cipher,
                "-in", plain.toString(), "-out", out.toString()));
        if (options.contains("-keyid")) {
            command.add("-keyid");
        }
        command.addAll(List.of("-recip", certPem(recipient)));
        command.addAll(options.stream().filter(option -> !option.equals("-keyid")).toList());
        PeerTool.run(command.toArray(String[]::new)).ok();

        DecryptedEntity decrypted = SmimeFixtures.decrypt(Files.readAllBytes(out), key(recipient));

        assertThat(decrypted.entity()).isEqualTo(SmimeFixtures.innerEntity());
        assertThat(decrypted.result().contentType()).isEqualTo(contentType);
        assertThat(decrypted.result().contentEncryption().name()).isEqualTo(contentAlgorithm);
        assertThat(decrypted.result().integrityProtected()).isEqualTo(contentAlgorithm.contains("GCM"));
        assertThat(decrypted.result().keyManagement().name()).isEqualTo(keyManagement);
        assertThat(decrypted.result().recipientIdentifier())
                .startsWith(options.contains("-keyid") ? "subject key identifier" : "issuer");
    }

    @Test
    void weDecryptAnOpensslMessageForSeveralRecipientsWithTheEcKey() throws IOException {
        Path plain = dir.resolve("inner-multi.txt");
        Files.write(plain, SmimeFixtures.innerEntity());
        Path out = dir.resolve("theirs-multi.eml");
        PeerTool.run("openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", plain.toString(), "-out", out.toString(),
                certPem("bob"), certPem("erin"), certPem("frank")).ok();

        DecryptedEntity decrypted = SmimeFixtures.decrypt(Files.readAllBytes(out), pki.frank);

        assertThat(decrypted.entity()).isEqualTo(SmimeFixtures.innerEntity());
        assertThat(decrypted.result().keyAlias()).isEqualTo("frank@example.test");
    }

    private static CertifiedKey key(String name) {
        return switch (name) {
            case "alice" -> pki.alice;
            case "bob" -> pki.bob;
            case "erin" -> pki.erin;
            case "frank" -> pki.frank;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String keyPem(String name) {
        return dir.resolve(name + ".key.pem").toString();
    }

    private static String certPem(String name) {
        return dir.resolve(name + ".pem").toString();
    }
}
