package org.sealmail.crypto.smime.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.mime.TransferEncodings;
import org.sealmail.crypto.smime.sign.RsaSignatureScheme;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.crypto.testing.TestPki;

/**
 * Interop with OpenSSL 3 in both directions: {@code openssl cms -verify} and
 * {@code openssl smime -verify} accept what Sealmail signs (with only our root as -CAfile; PSS
 * only for cms, since the PKCS#7 code behind smime has no RSASSA-PSS) and
 * output exactly the canonical entity Sealmail signed; Sealmail verifies what
 * {@code openssl cms -sign} produces (RSA and EC, detached and opaque, with and without signed
 * attributes, SHA-256 and SHA-384) and finds tampered copies bad.
 */
class SmimeOpensslInteropIT {

    private static final TestPki PKI = TestPki.get();
    private static final SmimeVerifier VERIFIER = new SmimeVerifier(List.of(PKI.root.issuer().certificate()));

    @TempDir
    static Path dir;
    private static Path rootPem;

    @BeforeAll
    static void setUp() {
        assumeTrue(PeerTool.available("openssl"), "openssl not installed");
        rootPem = PKI.writeRootPem(dir);
    }

    static Stream<Arguments> sealmailSignatures() {
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("cms", "smime")) {
            for (SignatureFormat format : SignatureFormat.values()) {
                cases.add(Arguments.of(command, "alice", format, RsaSignatureScheme.PKCS1_V1_5));
                if (command.equals("cms")) {
                    // openssl smime is the PKCS#7 code, which has no RSASSA-PSS; openssl cms has it
                    cases.add(Arguments.of(command, "alice", format, RsaSignatureScheme.PSS));
                }
                cases.add(Arguments.of(command, "erin", format, RsaSignatureScheme.PKCS1_V1_5));
                cases.add(Arguments.of(command, "frank", format, RsaSignatureScheme.PKCS1_V1_5));
            }
        }
        return cases.stream();
    }

    private static CertifiedKey key(String name) {
        return switch (name) {
            case "alice" -> PKI.alice;
            case "erin" -> PKI.erin;
            case "frank" -> PKI.frank;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "openssl {0} -verify accepts {1} {2} {3}")
    @MethodSource("sealmailSignatures")
    void opensslVerifiesWhatSealmailSigns(String command, String signer, SignatureFormat format, RsaSignatureScheme scheme)
            throws IOException {
        byte[] message = TestMessages.concat(TestMessages.bytes("From: " + signer + "@example.test\r\nTo: bob@example.test\r\n"
                + "Subject: interop\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"), "Grüße aus Sealmail\nFrom here on: trailing space \n"
                .getBytes(StandardCharsets.UTF_8));
        byte[] signed = new SmimeSigner().sign(message, key(signer),
                SigningOptions.defaults().withFormat(format).withRsaScheme(scheme));
        Path signedFile = Files.write(dir.resolve(command + signer + format + scheme + ".eml"), signed);
        Path content = dir.resolve(command + signer + format + scheme + ".out");

        PeerTool.Run run = PeerTool.run("openssl", command, "-verify",
                "-CAfile", rootPem.toString(), "-in", signedFile.toString(), "-out", content.toString());

        run.ok();
        assertThat(run.stderr()).contains("Verification successful");
        assertThat(Files.readAllBytes(content)).isEqualTo(SmimeSigner.signedEntityOf(message));
    }

    static Stream<Arguments> opensslSignatures() {
        List<Arguments> cases = new ArrayList<>();
        for (String signer : List.of("alice", "erin")) {
            for (boolean opaque : List.of(false, true)) {
                for (boolean attributes : List.of(true, false)) {
                    cases.add(Arguments.of(signer, opaque, attributes, "sha256"));
                }
                cases.add(Arguments.of(signer, opaque, true, "sha384"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} opaque={1} signedAttributes={2} {3}")
    @MethodSource("opensslSignatures")
    void sealmailVerifiesWhatOpensslSignsAndRejectsTamperedCopies(String signer, boolean opaque, boolean attributes,
            String digest) throws IOException {
        CertifiedKey key = key(signer);
        String name = signer + opaque + attributes + digest;
        Path entity = Files.writeString(dir.resolve(name + ".txt"),
                "Content-Type: text/plain; charset=us-ascii\r\n\r\nHello from OpenSSL, signed by " + signer + ".\r\n");
        Path out = dir.resolve(name + ".eml");
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-sign", "-in", entity.toString(),
                "-signer", TestPki.writeCertPem(dir, signer, key).toString(),
                "-inkey", TestPki.writeKeyPem(dir, signer, key).toString(),
                "-certfile", PKI.writeIntermediatePem(dir).toString(), "-md", digest,
                "-from", signer + "@example.test", "-to", "bob@example.test", "-subject", "from openssl",
                "-out", out.toString()));
        if (opaque) {
            command.add("-nodetach");
        }
        if (!attributes) {
            command.add("-noattr");
        }
        PeerTool.run(command.toArray(String[]::new)).ok();
        byte[] signed = Files.readAllBytes(out);

        SignatureVerification result = VERIFIER.verify(signed);

        assertThat(result.status()).as(String.valueOf(result.signers())).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signers().get(0).digestAlgorithm()).isEqualTo(digest.equals("sha256") ? "SHA-256" : "SHA-384");
        assertThat(result.signers().get(0).signingTime().isPresent()).isEqualTo(attributes);
        assertThat(VERIFIER.verify(tamper(signed, opaque)).status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
    }

    /** Changes one letter of the signed text, inside the base64 eContent for an opaque message. */
    private static byte[] tamper(byte[] signed, boolean opaque) {
        if (!opaque) {
            return TestMessages.replaceFirst(signed, "Hello from OpenSSL", "Hello from OpenSSX");
        }
        byte[] body = RawMimeParser.parseMessage(signed).body();
        String der = TestMessages.text(TransferEncodings.decodeBase64(body));
        byte[] altered = der.replace("Hello from OpenSSL", "Hello from OpenSSX").getBytes(StandardCharsets.ISO_8859_1);
        String text = TestMessages.text(signed);
        String head = text.substring(0, text.length() - body.length);
        return TestMessages.concat(TestMessages.bytes(head), TransferEncodings.encodeBase64(altered));
    }
}
