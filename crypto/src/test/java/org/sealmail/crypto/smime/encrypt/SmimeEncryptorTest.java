package org.sealmail.crypto.smime.encrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.RecipientInformation;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.smime.SmimeCapabilities;
import org.sealmail.crypto.smime.SmimeFixtures;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.testing.TestPki;

class SmimeEncryptorTest {

    private final TestPki pki = TestPki.get();

    @Test
    void keepsTheOuterHeadersAndReplacesTheMimeFieldsWithAnAuthEnvelopedDataPart() {
        String encrypted = SmimeFixtures.text(SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(),
                pki.alice, pki.bob));

        String headers = encrypted.substring(0, encrypted.indexOf("\r\n\r\n") + 2);
        assertThat(headers).startsWith("From: Alice Example <alice@example.test>\r\n"
                + "To: Bob Example <bob@example.test>\r\n"
                + "Subject: Quarterly numbers\r\n"
                + "Date: Tue, 04 Mar 2025 10:15:00 +0000\r\n"
                + "Message-ID: <q1@example.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=smime.p7m\r\n");
        assertThat(headers).doesNotContain("multipart/mixed");
        String body = encrypted.substring(encrypted.indexOf("\r\n\r\n") + 4);
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76).matches("[A-Za-z0-9+/=]*"));
        // RFC 5083 ContentInfo: SEQUENCE, OID 1.2.840.113549.1.9.16.1.23 (base64 of 30 80 06 0b 2a 86 48 86 f7 0d 01 09 10 01 17)
        assertThat(body).startsWith("MIAGCyqGSIb3DQEJEAEXoIA");
    }

    @Test
    void encryptsTheOriginalMimeEntityInCanonicalForm() {
        byte[] encrypted = SmimeFixtures.encrypt(SmimeFixtures.message(), EncryptionOptions.defaults(), pki.alice, pki.bob);

        DecryptedEntity decrypted = SmimeFixtures.decrypt(encrypted, pki.bob);

        assertThat(SmimeFixtures.text(decrypted.entity())).isEqualTo(SmimeFixtures.INNER_ENTITY);
    }

    @Test
    void turnsBareLineFeedsIntoCrLf() {
        byte[] lf = SmimeFixtures.MESSAGE.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);

        byte[] encrypted = SmimeFixtures.encrypt(lf, EncryptionOptions.defaults(), pki.alice, pki.bob);

        assertThat(SmimeFixtures.text(SmimeFixtures.decrypt(encrypted, pki.bob).entity())).isEqualTo(SmimeFixtures.INNER_ENTITY);
        assertThat(SmimeFixtures.text(encrypted)).doesNotContainPattern("[^\r]\n");
    }

    @Test
    void makesTheRfc2045DefaultTypeExplicitWhenTheMessageHasNone() {
        byte[] plain = "From: alice@example.test\nTo: bob@example.test\nSubject: hi\n\nhello\n".getBytes(StandardCharsets.US_ASCII);

        byte[] encrypted = SmimeFixtures.encrypt(plain, EncryptionOptions.defaults(), pki.alice, pki.bob);

        assertThat(SmimeFixtures.text(SmimeFixtures.decrypt(encrypted, pki.bob).entity()))
                .isEqualTo("Content-Type: text/plain; charset=us-ascii\r\n\r\nhello\r\n");
    }

    @Test
    void theSenderIsAlwaysARecipient() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncryptionResult result = SmimeFixtures.encrypt(SmimeFixtures.message(), out, EncryptionOptions.defaults(),
                pki.alice, pki.bob, pki.erin);

        assertThat(result.recipients()).extracting(EncryptionResult.EncryptedFor::address)
                .containsExactly("bob@example.test", "erin@example.test", "alice@example.test");
        assertThat(result.recipients()).extracting(EncryptionResult.EncryptedFor::keyManagement).containsExactly(
                "RSAES-OAEP (SHA-256, MGF1-SHA-256)", "ECDH P-256 ephemeral-static, X9.63 KDF SHA-256, AES-256 key wrap",
                "RSAES-OAEP (SHA-256, MGF1-SHA-256)");
        CMSAuthEnvelopedData cms = new CMSAuthEnvelopedData(der(out.toByteArray()));
        List<RecipientInformation> infos = List.copyOf(cms.getRecipientInfos().getRecipients());
        assertThat(infos).hasSize(3);
        assertThat(infos).extracting(RecipientInformation::getKeyEncryptionAlgOID)
                .containsExactlyInAnyOrder("1.2.840.113549.1.1.7", "1.3.132.1.11.1", "1.2.840.113549.1.1.7");
        assertThat(SmimeFixtures.decrypt(out.toByteArray(), pki.alice).entity()).isEqualTo(SmimeFixtures.innerEntity());
    }

    @Test
    void aSenderWhoIsAlsoAnAddresseeGetsOneRecipientInfo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncryptionResult result = SmimeFixtures.encrypt(SmimeFixtures.message(), out, EncryptionOptions.defaults(),
                pki.alice, pki.alice, pki.bob);

        assertThat(result.recipients()).hasSize(2);
    }

    @Test
    void choosesGcmUnlessARecipientAdvertisesCapabilitiesWithoutIt() {
        EncryptionRecipient unknown = EncryptionRecipient.of("bob@example.test", pki.bob.certificate());
        EncryptionRecipient modern = new EncryptionRecipient("carol@example.test", pki.carol.certificate(),
                SmimeCapabilities.sealmailDefault());
        EncryptionRecipient cbcOnly = new EncryptionRecipient("erin@example.test", pki.erin.certificate(),
                new SmimeCapabilities(List.of(SmimeCapabilities.AES256_CBC, SmimeCapabilities.AES128_CBC)));

        assertThat(SmimeEncryptor.chooseContentEncryption(List.of(unknown, modern), EncryptionOptions.defaults()))
                .isEqualTo(ContentEncryption.AES_256_GCM);
        assertThat(SmimeEncryptor.chooseContentEncryption(List.of(unknown, modern, cbcOnly), EncryptionOptions.defaults()))
                .isEqualTo(ContentEncryption.AES_256_CBC);
        assertThat(SmimeEncryptor.chooseContentEncryption(List.of(cbcOnly),
                EncryptionOptions.defaults().withContentEncryption(ContentEncryption.AES_256_GCM)))
                .isEqualTo(ContentEncryption.AES_256_GCM);
        assertThat(SmimeEncryptor.chooseContentEncryption(List.of(modern),
                EncryptionOptions.defaults().withContentEncryption(ContentEncryption.AES_256_CBC)))
                .isEqualTo(ContentEncryption.AES_256_CBC);
    }

    @Test
    void aCbcOnlyRecipientGetsEnvelopedData() {
        EncryptionRecipient cbcOnly = new EncryptionRecipient("bob@example.test", pki.bob.certificate(),
                new SmimeCapabilities(List.of(SmimeCapabilities.AES256_CBC)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EncryptionResult result = new SmimeEncryptor().encrypt(new ByteArrayInputStream(SmimeFixtures.message()), out,
                List.of(cbcOnly), EncryptionRecipient.of("alice@example.test", pki.alice.certificate()), EncryptionOptions.defaults());

        assertThat(result.contentEncryption()).isEqualTo(ContentEncryption.AES_256_CBC);
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .contains("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n");
        assertThat(SmimeFixtures.decrypt(out.toByteArray(), pki.bob).result().integrityProtected()).isFalse();
    }

    @Test
    void refusesToEncryptForASubsetAndNamesEveryRecipientWithoutAUsableCertificate() {
        CertifiedKey expired = pki.intermediate.issue(EmailCertificateSpec.forAddress("dave@example.test", KeyAlgorithm.RSA_2048)
                .validity(Instant.now().minus(400, ChronoUnit.DAYS), Instant.now().minus(30, ChronoUnit.DAYS)));
        CertifiedKey serverOnly = pki.intermediate.issue(EmailCertificateSpec.forAddress("erin@example.test", KeyAlgorithm.RSA_2048)
                .withEmailProtection(false));
        List<EncryptionRecipient> recipients = List.of(
                EncryptionRecipient.of("bob@example.test", pki.bob.certificate()),
                EncryptionRecipient.of("carol@example.test", null),
                EncryptionRecipient.of("dave@example.test", expired.certificate()),
                EncryptionRecipient.of("erin@example.test", serverOnly.certificate()),
                EncryptionRecipient.of("frank@example.test", pki.bob.certificate()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new SmimeEncryptor().encrypt(new ByteArrayInputStream(SmimeFixtures.message()), out,
                recipients, EncryptionRecipient.of("alice@example.test", null), EncryptionOptions.defaults()))
                .isInstanceOfSatisfying(MissingRecipientCertificateException.class, e -> {
                    assertThat(e.failure()).isEqualTo(CryptoFailure.RECIPIENT_CERTIFICATE_MISSING);
                    assertThat(e.recipients()).containsExactly("carol@example.test", "dave@example.test",
                            "erin@example.test", "frank@example.test", "alice@example.test");
                })
                .hasMessageContaining("carol@example.test (no certificate)")
                .hasMessageContaining("dave@example.test (certificate expired on")
                .hasMessageContaining("erin@example.test (extended key usage does not allow e-mail protection)")
                .hasMessageContaining("frank@example.test (certificate is issued to bob@example.test)")
                .hasMessageContaining("nothing was encrypted");
        assertThat(out.size()).isZero();
    }

    @Test
    void aMessageThatDoesNotStartWithHeadersIsMalformed() {
        byte[] garbage = "\u0000\u0001binary junk\r\nmore\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> SmimeFixtures.encrypt(garbage, EncryptionOptions.defaults(), pki.alice, pki.bob))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessageContaining("line 1 is not a header field");
    }

    @Test
    void anEmptyMessageIsMalformedAndNothingIsWritten() {
        // sign and verify refuse an empty file too; encrypting it would hide an empty message from the sender
        for (String empty : new String[] {"", "\r\n", "\r\nbody without header fields\r\n"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> new SmimeEncryptor().encrypt(new ByteArrayInputStream(empty.getBytes(StandardCharsets.US_ASCII)),
                    out, List.of(EncryptionRecipient.of("bob@example.test", pki.bob.certificate())),
                    EncryptionRecipient.of("alice@example.test", pki.alice.certificate()), EncryptionOptions.defaults()))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                    .hasMessage("empty input or no header fields: expected an RFC 5322 message (header fields, an empty line,"
                            + " the body)");
            assertThat(out.size()).as("nothing written for %s", empty.length()).isZero();
        }
    }

    private static byte[] der(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        return java.util.Base64.getMimeDecoder().decode(text.substring(text.indexOf("\r\n\r\n") + 4));
    }
}
