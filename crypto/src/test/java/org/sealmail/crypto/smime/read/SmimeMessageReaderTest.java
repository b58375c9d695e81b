package org.sealmail.crypto.smime.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.smime.SmimeFixtures;
import org.sealmail.crypto.smime.TestMessages;
import org.sealmail.crypto.smime.encrypt.ContentEncryption;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.AddressCheck;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationPolicy;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.testing.TestPki;

/**
 * Nested layers built with Sealmail's own signer and encryptor (RFC 8551 §3.7; triple wrapping
 * as RFC 2634 §1.1): the reader finds every layer in order, checks inner signatures against the
 * outer From, returns the innermost entity byte for byte, and refuses nesting bombs.
 */
class SmimeMessageReaderTest {

    private static final TestPki PKI = TestPki.get();
    private static final Instant NOW = Instant.now();
    private static final SmimeVerifier VERIFIER = new SmimeVerifier(List.of(PKI.root.issuer().certificate()), List.of(),
            VerificationPolicy.modern(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final SmimeMessageReader BOB = new SmimeMessageReader(List.of(PKI.bob), VERIFIER);

    private static final SigningOptions DETACHED = SigningOptions.defaults();
    private static final SigningOptions OPAQUE = SigningOptions.defaults().withFormat(SignatureFormat.OPAQUE);

    @Test
    void signedThenEncryptedGivesTheEncryptionLayerThenTheSignature() {
        byte[] message = SmimeFixtures.message();
        byte[] wrapped = encrypt(sign(message, PKI.alice, DETACHED));

        SmimeReadResult result = BOB.read(wrapped, NOW);

        assertThat(describe(result.layers())).containsExactly("encrypted AuthEnvelopedData AES-256-GCM",
                "signed DETACHED VALID alice@example.test");
        // the innermost entity is exactly what the signer signed (its canonical entity, RFC 8551 §3.1)
        assertThat(result.content()).isEqualTo(SmimeSigner.signedEntityOf(message));
    }

    @Test
    void encryptedThenSignedGivesTheSignatureThenTheEncryptionLayer() {
        byte[] wrapped = sign(encrypt(SmimeFixtures.message()), PKI.alice, OPAQUE);

        SmimeReadResult result = BOB.read(wrapped, NOW);

        assertThat(describe(result.layers())).containsExactly("signed OPAQUE VALID alice@example.test",
                "encrypted AuthEnvelopedData AES-256-GCM");
        assertThat(SmimeFixtures.text(result.content())).isEqualTo(SmimeFixtures.INNER_ENTITY);
    }

    @Test
    void tripleWrappedGivesSignedEncryptedSigned() {
        byte[] message = SmimeFixtures.message();
        byte[] wrapped = sign(encrypt(sign(message, PKI.alice, DETACHED)), PKI.alice, DETACHED);

        SmimeReadResult result = BOB.read(wrapped, NOW);

        assertThat(describe(result.layers())).containsExactly("signed DETACHED VALID alice@example.test",
                "encrypted AuthEnvelopedData AES-256-GCM", "signed DETACHED VALID alice@example.test");
        assertThat(result.content()).isEqualTo(SmimeSigner.signedEntityOf(message));
        assertThat(result.signatures()).allSatisfy(signature -> assertThat(signature.nested()).isEmpty());
    }

    @Test
    void anInnerSignatureIsCheckedAgainstTheOuterFrom() {
        byte[] fromAlice = encrypt(sign(SmimeFixtures.message(), PKI.alice, DETACHED));
        byte[] fromCarol = encrypt(sign(TestMessages.replaceFirst(SmimeFixtures.message(),
                "From: Alice Example <alice@example.test>", "From: carol@example.test"), PKI.alice, DETACHED));

        SignatureVerification alice = BOB.read(fromAlice, NOW).signatures().get(0);
        SignatureVerification carol = BOB.read(fromCarol, NOW).signatures().get(0);

        assertThat(alice.senderAddresses()).containsExactly("alice@example.test");
        assertThat(alice.signers().get(0).addressCheck()).isEqualTo(AddressCheck.MATCH);
        assertThat(carol.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(carol.senderAddresses()).containsExactly("carol@example.test");
    }

    @Test
    void aTamperedInnerSignatureIsBadWhileTheContentIsStillReturned() {
        byte[] signed = sign(SmimeFixtures.message(), PKI.alice, DETACHED);
        byte[] tampered = TestMessages.replaceFirst(signed, "the numbers are attached", "the numbers are detached");

        SmimeReadResult result = BOB.read(encrypt(tampered), NOW);

        assertThat(describe(result.layers())).containsExactly("encrypted AuthEnvelopedData AES-256-GCM",
                "signed DETACHED BAD_SIGNATURE alice@example.test");
        assertThat(TestMessages.text(result.content())).contains("the numbers are detached");
    }

    @Test
    void cbcContentIsReportedAsNotIntegrityProtected() {
        byte[] wrapped = SmimeFixtures.encrypt(sign(SmimeFixtures.message(), PKI.alice, DETACHED),
                EncryptionOptions.defaults().withContentEncryption(ContentEncryption.AES_256_CBC),
                PKI.alice, PKI.bob);

        MessageLayer.Encrypted layer = (MessageLayer.Encrypted) BOB.read(wrapped, NOW).layers().get(0);

        assertThat(layer.decryption().contentType()).isEqualTo("EnvelopedData");
        assertThat(layer.decryption().contentEncryption().name()).isEqualTo("AES-256-CBC");
        assertThat(layer.decryption().integrityProtected()).isFalse();
    }

    @Test
    void aMessageWithoutLayersIsItsOwnContent() {
        byte[] message = SmimeFixtures.message();

        SmimeReadResult result = BOB.read(message, NOW);

        assertThat(result.layers()).isEmpty();
        assertThat(result.content()).isEqualTo(message);
    }

    @Test
    void eightLayersAreReadAndANinthIsRefused() {
        byte[] message = SmimeFixtures.message();
        for (int i = 0; i < SmimeMessageReader.MAX_LAYERS; i++) {
            message = sign(message, PKI.alice, OPAQUE);
        }
        assertThat(BOB.read(message, NOW).layers()).hasSize(8);

        byte[] bomb = sign(message, PKI.alice, OPAQUE);

        assertThatThrownBy(() -> BOB.read(bomb, NOW)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("more than 8 nested S/MIME layers")
                .extracting(e -> ((CryptoException) e).failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT);
    }

    @Test
    void anInnerEncryptionForSomeoneElseNamesTheLayer() {
        byte[] forCarol = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), PKI.carol, PKI.carol);
        byte[] wrapped = sign(forCarol, PKI.alice, OPAQUE);

        assertThatThrownBy(() -> BOB.read(wrapped, NOW)).isInstanceOf(CryptoException.class)
                .hasMessageStartingWith("S/MIME layer 2 (inside 1 outer layer): none of our keys can decrypt this")
                .extracting(e -> ((CryptoException) e).failure()).isEqualTo(CryptoFailure.NO_MATCHING_KEY);
    }

    @Test
    void streamingGivesTheSameLayersAndContentAsReadingInMemory() {
        byte[] message = SmimeFixtures.message();
        for (byte[] wrapped : List.of(encrypt(message), encrypt(sign(message, PKI.alice, DETACHED)),
                sign(encrypt(message), PKI.alice, OPAQUE), sign(encrypt(sign(message, PKI.alice, OPAQUE)), PKI.alice, DETACHED))) {
            SmimeReadResult inMemory = BOB.read(wrapped, NOW);
            ByteArrayOutputStream content = new ByteArrayOutputStream();

            List<MessageLayer> layers = BOB.read(new ByteArrayInputStream(wrapped), content, NOW);

            assertThat(describe(layers)).isEqualTo(describe(inMemory.layers()));
            assertThat(content.toByteArray()).isEqualTo(inMemory.content());
        }
        assertThat(describe(BOB.read(new ByteArrayInputStream(encrypt(message)), new ByteArrayOutputStream(), NOW)))
                .containsExactly("encrypted AuthEnvelopedData AES-256-GCM");
    }

    private static byte[] sign(byte[] message, CertifiedKey key, SigningOptions options) {
        return new SmimeSigner(Clock.fixed(NOW, ZoneOffset.UTC)).sign(message, key, options);
    }

    private static byte[] encrypt(byte[] message) {
        return SmimeFixtures.encrypt(message, EncryptionOptions.defaults(), PKI.alice, PKI.bob);
    }

    /** @return one line per layer: "signed FORMAT STATUS signer" or "encrypted TYPE ALGORITHM" */
    static List<String> describe(List<MessageLayer> layers) {
        return layers.stream().map(layer -> {
            if (layer instanceof MessageLayer.Signed signed) {
                SignatureVerification verification = signed.verification();
                return "signed " + verification.format().orElseThrow() + " " + verification.status() + " "
                        + verification.signers().get(0).certificateAddresses().get(0);
            }
            MessageLayer.Encrypted encrypted = (MessageLayer.Encrypted) layer;
            return "encrypted " + encrypted.decryption().contentType() + " "
                    + encrypted.decryption().contentEncryption().name();
        }).toList();
    }
}
