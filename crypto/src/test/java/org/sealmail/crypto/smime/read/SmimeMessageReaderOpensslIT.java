package org.sealmail.crypto.smime.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.smime.SmimeFixtures;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.mime.LineEndings;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationPolicy;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Nested layers made by {@code openssl cms} (sign, encrypt and sign again in a pipeline, each
 * step's S/MIME output the next one's input; the outer From/To added with {@code -from/-to})
 * read by Sealmail layer by layer; and a triple wrap made by Sealmail unwrapped step by step by
 * {@code openssl cms -verify}, {@code -decrypt}, {@code -verify} down to the signed entity.
 */
class SmimeMessageReaderOpensslIT {

    private static final TestPki PKI = TestPki.get();
    private static final Instant NOW = Instant.now();
    private static final String CONTENT = "Content-Type: text/plain; charset=us-ascii\r\n\r\nWrapped by OpenSSL.\r\n";

    @TempDir
    static Path dir;
    private static SmimeMessageReader reader;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        for (String name : List.of("alice", "bob")) {
            TestPki.writeCertPem(dir, name, name.equals("alice") ? PKI.alice : PKI.bob);
            TestPki.writeKeyPem(dir, name, name.equals("alice") ? PKI.alice : PKI.bob);
        }
        PKI.writeRootPem(dir);
        PKI.writeIntermediatePem(dir);
        Files.writeString(dir.resolve("content.txt"), CONTENT, StandardCharsets.US_ASCII);
        SmimeVerifier verifier = new SmimeVerifier(List.of(PKI.root.issuer().certificate()), List.of(),
                VerificationPolicy.modern(), Clock.fixed(NOW, ZoneOffset.UTC));
        reader = new SmimeMessageReader(List.of(PKI.bob), verifier);
    }

    @Test
    void opensslSignedThenEncrypted() throws IOException {
        sign("content.txt", "s.eml", false, false);
        encrypt("s.eml", "se.eml", true);

        SmimeReadResult result = reader.read(Files.readAllBytes(dir.resolve("se.eml")), NOW);

        assertThat(SmimeMessageReaderTest.describe(result.layers())).containsExactly(
                "encrypted AuthEnvelopedData AES-256-GCM", "signed DETACHED VALID alice@example.test");
        assertThat(text(result.content())).isEqualTo(CONTENT);
    }

    @Test
    void opensslEncryptedThenSigned() throws IOException {
        encrypt("content.txt", "e.eml", false);
        sign("e.eml", "es.eml", true, true);

        SmimeReadResult result = reader.read(Files.readAllBytes(dir.resolve("es.eml")), NOW);

        assertThat(SmimeMessageReaderTest.describe(result.layers())).containsExactly(
                "signed OPAQUE VALID alice@example.test", "encrypted AuthEnvelopedData AES-256-GCM");
        assertThat(text(result.content())).isEqualTo(CONTENT);
    }

    @Test
    void opensslTripleWrapped() throws IOException {
        sign("content.txt", "t1.eml", false, false);
        encrypt("t1.eml", "t2.eml", false);
        sign("t2.eml", "t3.eml", false, true);

        SmimeReadResult result = reader.read(Files.readAllBytes(dir.resolve("t3.eml")), NOW);

        assertThat(SmimeMessageReaderTest.describe(result.layers())).containsExactly(
                "signed DETACHED VALID alice@example.test", "encrypted AuthEnvelopedData AES-256-GCM",
                "signed DETACHED VALID alice@example.test");
        assertThat(text(result.content())).isEqualTo(CONTENT);
    }

    @Test
    void opensslUnwrapsSealmailsTripleWrapLayerByLayer() throws IOException {
        byte[] message = SmimeFixtures.message();
        SmimeSigner signer = new SmimeSigner(Clock.fixed(NOW, ZoneOffset.UTC));
        byte[] inner = signer.sign(message, PKI.alice, SigningOptions.defaults());
        byte[] encrypted = SmimeFixtures.encrypt(inner, EncryptionOptions.defaults(), PKI.alice, PKI.bob);
        Files.write(dir.resolve("sealmail-triple.eml"),
                signer.sign(encrypted, PKI.alice, SigningOptions.defaults().withFormat(SignatureFormat.OPAQUE)));

        openssl("-verify", "-binary", "-CAfile", path("root-ca.pem"), "-in", path("sealmail-triple.eml"), "-out", path("u1.eml"));
        openssl("-decrypt", "-binary", "-recip", path("bob.pem"), "-inkey", path("bob.key.pem"), "-in", path("u1.eml"),
                "-out", path("u2.eml"));
        // text mode for the multipart/signed: with -binary, openssl 3.0 rejoins the part's lines with LF (unless -crlfeol)
        openssl("-verify", "-CAfile", path("root-ca.pem"), "-in", path("u2.eml"), "-out", path("u3.eml"));

        assertThat(LineEndings.toCrlf(Files.readAllBytes(dir.resolve("u3.eml")))).isEqualTo(SmimeSigner.signedEntityOf(message));
        assertThat(reader.read(Files.readAllBytes(dir.resolve("sealmail-triple.eml")), NOW).content())
                .isEqualTo(SmimeSigner.signedEntityOf(message));
    }

    /** {@code openssl cms -sign} by alice with her intermediate; opaque with -nodetach; outer headers with -from/-to. */
    private static void sign(String in, String out, boolean opaque, boolean outer) {
        List<String> arguments = new ArrayList<>(List.of("-sign", "-md", "sha256", "-signer", path("alice.pem"),
                "-inkey", path("alice.key.pem"), "-certfile", path("intermediate-ca.pem"), "-in", path(in), "-out", path(out)));
        if (opaque) {
            arguments.add("-nodetach");
        }
        if (outer) {
            arguments.addAll(List.of("-from", "alice@example.test", "-to", "bob@example.test", "-subject", "nested"));
        }
        openssl(arguments.toArray(String[]::new));
    }

    /** {@code openssl cms -encrypt -aes-256-gcm} for bob (RSA-OAEP SHA-256); outer headers with -from/-to. */
    private static void encrypt(String in, String out, boolean outer) {
        List<String> arguments = new ArrayList<>(List.of("-encrypt", "-aes-256-gcm", "-in", path(in), "-out", path(out),
                "-recip", path("bob.pem"), "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256"));
        if (outer) {
            arguments.addAll(List.of("-from", "alice@example.test", "-to", "bob@example.test", "-subject", "nested"));
        }
        openssl(arguments.toArray(String[]::new));
    }

    private static void openssl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl", "cms"));
        command.addAll(List.of(arguments));
        PeerTool.run(command.toArray(String[]::new)).ok();
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
