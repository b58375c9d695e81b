package org.sealmail.crypto.smime.decrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.SmimeFixtures;
import org.sealmail.crypto.smime.encrypt.ContentEncryption;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.KeyTransport;
import org.sealmail.crypto.testing.TestPki;

class SmimeDecryptorTest {

    private final TestPki pki = TestPki.get();

    @TempDir
    Path dir;

    @Test
    void findsAnOlderKeyKeptAfterARenewalAmongSeveralKeyStores() {
        CertifiedKey renewed = pki.intermediate.issue(EmailCertificateSpec.forAddress("bob@example.test", KeyAlgorithm.RSA_2048));
        CertifiedKey oldBob = new CertifiedKey("bob-2024", pki.bob.privateKey(), pki.bob.chain());
        CertifiedKey newBob = new CertifiedKey("bob-2025", renewed.privateKey(), renewed.chain());
        Path bobStore = dir.resolve("bob.p12");
        Pkcs12KeyStores.write(bobStore, "pw".toCharArray(), List.of(newBob, oldBob));
        Path carolStore = dir.resolve("carol.p12");
        Pkcs12KeyStores.write(carolStore, "pw".toCharArray(), List.of(pki.carol));
        List<CertifiedKey> keys = new ArrayList<>(Pkcs12KeyStores.read(carolStore, "pw".toCharArray()));
        keys.addAll(Pkcs12KeyStores.read(bobStore, "pw".toCharArray()));
        byte[] encryptedToOldCertificate = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(),
                pki.alice, pki.bob);

        DecryptedEntity decrypted = new SmimeDecryptor().decrypt(encryptedToOldCertificate, keys);

        assertThat(decrypted.entity()).isEqualTo(SmimeFixtures.innerEntity());
        assertThat(decrypted.result().keyAlias()).isEqualTo("bob-2024");
        assertThat(decrypted.result().recipientIdentifier()).isEqualTo("issuer \"CN=Sealmail Test Intermediate,O=Sealmail Test\", serial 0x"
                + pki.bob.certificate().getSerialNumber().toString(16));
    }

    @Test
    void reportsTheAlgorithmsUsed() {
        byte[] gcm = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.frank);

        DecryptionResult result = SmimeFixtures.decrypt(gcm, pki.frank).result();

        assertThat(result.contentType()).isEqualTo("AuthEnvelopedData");
        assertThat(result.contentEncryption()).isEqualTo(
                new ContentEncryptionAlgorithm("AES-256-GCM", "2.16.840.1.101.3.4.1.46", 256, true, false));
        assertThat(result.keyManagement()).isEqualTo(new KeyManagementAlgorithm(
                "ECDH ephemeral-static, X9.63 KDF SHA-384, AES-256 key wrap", "1.3.132.1.11.2"));
        assertThat(result.integrityProtected()).isTrue();
        assertThat(result.contentBytes()).isEqualTo(SmimeFixtures.innerEntity().length);
    }

    @Test
    void theWrongKeyGivesNoMatchingKeyListingTheRecipientIdentifiersFound() {
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob);

        assertFailure(() -> SmimeFixtures.decrypt(encrypted, pki.carol), CryptoFailure.NO_MATCHING_KEY)
                .hasMessageContaining("none of our keys can decrypt this AuthEnvelopedData")
                .hasMessageContaining("KeyTransRecipientInfo issuer \"CN=Sealmail Test Intermediate,O=Sealmail Test\", serial 0x"
                        + pki.bob.certificate().getSerialNumber().toString(16))
                .hasMessageContaining("serial 0x" + pki.alice.certificate().getSerialNumber().toString(16))
                .hasMessageContaining("our keys: \"carol@example.test\"");
    }

    @Test
    void aFlippedGcmTagByteFailsAuthentication() throws Exception {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob));
        byte[] tag = new CMSAuthEnvelopedData(der).getMac();
        int at = lastIndexOf(der, tag);
        der[at + 3] ^= 0x01;

        assertFailure(() -> SmimeFixtures.decrypt(der, pki.bob), CryptoFailure.AUTHENTICATION_FAILED)
                .hasMessageContaining("AES-256-GCM authentication tag does not verify");
    }

    @Test
    void aFlippedGcmCiphertextByteFailsAuthentication() throws Exception {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob));
        byte[] tag = new CMSAuthEnvelopedData(der).getMac();
        der[lastIndexOf(der, tag) - 40] ^= 0x01;

        assertFailure(() -> SmimeFixtures.decrypt(der, pki.bob), CryptoFailure.AUTHENTICATION_FAILED)
                .hasMessageContaining("authentication tag does not verify");
    }

    @Test
    void aFlippedCbcCiphertextByteGoesUndetectedAndTheResultSaysSo() throws Exception {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(),
                EncryptionOptions.defaults().withContentEncryption(ContentEncryption.AES_256_CBC), pki.alice, pki.bob));
        byte[] ciphertext = new CMSEnvelopedData(der).toASN1Structure().getContent() instanceof org.bouncycastle.asn1.ASN1Sequence
                ? org.bouncycastle.asn1.cms.EnvelopedData.getInstance(new CMSEnvelopedData(der).toASN1Structure().getContent())
                        .getEncryptedContentInfo().getEncryptedContent().getOctets()
                : null;
        int start = indexOf(der, java.util.Arrays.copyOf(ciphertext, 16));
        der[start + 5] ^= 0x01; // first block: garbles plaintext block 1, flips one bit of block 2

        DecryptedEntity decrypted = SmimeFixtures.decrypt(der, pki.bob);

        assertThat(decrypted.result().integrityProtected()).isFalse();
        assertThat(decrypted.result().contentEncryption().name()).isEqualTo("AES-256-CBC");
        assertThat(decrypted.entity()).hasSameSizeAs(SmimeFixtures.innerEntity()).isNotEqualTo(SmimeFixtures.innerEntity());
        assertThat(java.util.Arrays.copyOfRange(decrypted.entity(), 32, decrypted.entity().length))
                .isEqualTo(java.util.Arrays.copyOfRange(SmimeFixtures.innerEntity(), 32, SmimeFixtures.innerEntity().length));
    }

    @Test
    void aFlippedByteBeforeTheLastCbcBlockBreaksThePadding() throws Exception {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(),
                EncryptionOptions.defaults().withContentEncryption(ContentEncryption.AES_256_CBC), pki.alice, pki.bob));
        byte[] ciphertext = org.bouncycastle.asn1.cms.EnvelopedData.getInstance(new CMSEnvelopedData(der).toASN1Structure().getContent())
                .getEncryptedContentInfo().getEncryptedContent().getOctets();
        int start = indexOf(der, java.util.Arrays.copyOfRange(ciphertext, ciphertext.length - 32, ciphertext.length));
        der[start + 15] ^= 0x01; // last byte of the next-to-last block flips the last padding byte

        assertFailure(() -> SmimeFixtures.decrypt(der, pki.bob), CryptoFailure.AUTHENTICATION_FAILED)
                .hasMessageContaining("bad AES-256-CBC padding")
                .hasMessageContaining("no integrity protection");
    }

    @Test
    void anUnknownContentEncryptionOidIsUnsupportedAndNamed() {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob));
        byte[] gcm256 = HexFormat.of().parseHex("060960864801650304012e");
        der[indexOf(der, gcm256) + 10] = 0x7f; // 2.16.840.1.101.3.4.1.127

        assertFailure(() -> SmimeFixtures.decrypt(der, pki.bob), CryptoFailure.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("2.16.840.1.101.3.4.1.127 (unknown OID)");
    }

    @Test
    void anUnknownKeyTransportOidIsUnsupportedAndNamed() {
        byte[] der = der(SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob));
        byte[] oaep = HexFormat.of().parseHex("06092a864886f70d010107");
        int at;
        while ((at = indexOf(der, oaep)) >= 0) {
            der[at + 10] = 0x63; // 1.2.840.113549.1.1.99
        }

        assertFailure(() -> SmimeFixtures.decrypt(der, pki.bob), CryptoFailure.UNSUPPORTED_ALGORITHM)
                .hasMessageContaining("unsupported key management algorithm 1.2.840.113549.1.1.99");
    }

    @Test
    void truncatedBase64IsMalformed() {
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob);
        byte[] truncated = java.util.Arrays.copyOf(encrypted, encrypted.length * 2 / 3 + 1);

        assertFailure(() -> SmimeFixtures.decrypt(truncated, pki.bob), CryptoFailure.MALFORMED_INPUT)
                .hasMessageContaining("truncated");
    }

    @Test
    void cmsCutInsideTheEncryptedContentSaysItEndsEarly() {
        // valid base64 of a DER cut in the middle of its 48 KB of encrypted content, as a relay that drops the tail
        String body = "x".repeat(75) + "\r\n";
        byte[] large = ("From: alice@example.test\r\nTo: bob@example.test\r\nContent-Type: text/plain\r\n\r\n" + body.repeat(640))
                .getBytes(StandardCharsets.US_ASCII);
        for (EncryptionOptions options : List.of(EncryptionOptions.defaults(),
                new EncryptionOptions(ContentEncryption.AES_256_CBC, KeyTransport.RSA_OAEP_SHA256))) {
            byte[] der = der(SmimeFixtures.encrypt(large, options, pki.alice, pki.bob));
            byte[] cut = java.util.Arrays.copyOf(der, der.length / 2);

            assertFailure(() -> SmimeFixtures.decrypt(cut, pki.bob), CryptoFailure.MALFORMED_INPUT)
                    .hasMessage("the encrypted content ends early (the message is truncated); any output is invalid");
        }
    }

    @Test
    void emptyInputIsMalformed() {
        assertFailure(() -> SmimeFixtures.decrypt(new byte[0], pki.bob), CryptoFailure.MALFORMED_INPUT)
                .hasMessage("empty input: expected an S/MIME message or a CMS file");
    }

    @Test
    void textThatIsNotMimeIsMalformed() {
        byte[] garbage = "hello, this is not a message\nat all\n".getBytes(StandardCharsets.US_ASCII);

        assertFailure(() -> SmimeFixtures.decrypt(garbage, pki.bob), CryptoFailure.MALFORMED_INPUT)
                .hasMessageContaining("line 1 is not a header field");
    }

    @Test
    void binaryGarbageIsMalformed() {
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05, 0x00, 0x00};

        assertFailure(() -> SmimeFixtures.decrypt(garbage, pki.bob), CryptoFailure.MALFORMED_INPUT)
                .hasMessageContaining("not a CMS ContentInfo");
    }

    @Test
    void aPlainMessageIsNotEncrypted() {
        assertFailure(() -> SmimeFixtures.decrypt(SmimeFixtures.message(), pki.bob), CryptoFailure.MALFORMED_INPUT)
                .hasMessageContaining("Content-Type is multipart/mixed, expected application/pkcs7-mime");
    }

    @Test
    void acceptsXPkcs7MimeWithLineFeedsAndPemAndDer() {
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob);
        byte[] legacy = SmimeFixtures.text(encrypted).replace("application/pkcs7-mime", "application/x-pkcs7-mime")
                .replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] der = der(encrypted);
        byte[] pem = ("-----BEGIN CMS-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CMS-----\n").getBytes(StandardCharsets.US_ASCII);

        for (byte[] input : List.of(legacy, der, pem)) {
            assertThat(SmimeFixtures.decrypt(input, pki.bob).entity()).isEqualTo(SmimeFixtures.innerEntity());
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, CryptoFailure failure) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure));
    }

    private static byte[] der(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.substring(text.indexOf("\r\n\r\n") + 4));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
