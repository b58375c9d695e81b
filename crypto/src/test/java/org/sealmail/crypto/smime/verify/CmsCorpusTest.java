package org.sealmail.crypto.smime.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Bare CMS SignedData from RFC 4134, gpgsm's test suite, OpenSSL's negative CMS cases and the
 * RFC 9216 examples, verified with {@link SmimeVerifier#verifySignedData} (no message, so no
 * address check). Expected outcomes come from each folder's SOURCE.md.
 */
class CmsCorpusTest {

    private static final Instant RFC4134_TIME = Instant.parse("2010-01-01T00:00:00Z");
    private static final byte[] RFC4134_CONTENT = CorpusFiles.bytes("rfc4134/ExContent.bin");
    private static final List<X509Certificate> CARL = CorpusFiles.certificates("rfc4134/CarlRSASelf.cer",
            "rfc4134/CarlDSSSelf.cer");

    /** OpenSSL 3.0 verifies each of these (rfc4134/SOURCE.md); all are SHA-1 with 1024-bit keys. */
    @ParameterizedTest
    @ValueSource(strings = {"4.1.bin", "4.2.bin", "4.3.bin", "4.4.bin", "4.5.bin", "4.7.bin", "4.10.bin"})
    void rfc4134SignedDataIsCorrectButRefusedByTheModernPolicyAndValidByTheLegacyOne(String file) {
        byte[] cms = CorpusFiles.bytes("rfc4134/" + file);
        byte[] detached = file.equals("4.3.bin") ? RFC4134_CONTENT : null;

        SignatureVerification modern = new SmimeVerifier(CARL).verifySignedData(cms, detached, RFC4134_TIME);
        SignatureVerification legacy = new SmimeVerifier(CARL).withPolicy(VerificationPolicy.legacy())
                .verifySignedData(cms, detached, RFC4134_TIME);

        assertThat(modern.status()).isEqualTo(VerificationStatus.UNSUPPORTED_ALGORITHM);
        assertThat(modern.signers()).allSatisfy(signer -> {
            assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.REFUSED_ALGORITHM);
            assertThat(signer.digestAlgorithm()).isEqualTo("SHA-1");
        });
        assertThat(legacy.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(legacy.signedContent()).isEqualTo(RFC4134_CONTENT);
        assertThat(legacy.signers()).allSatisfy(signer -> assertThat(signer.addressCheck()).isEqualTo(AddressCheck.NOT_CHECKED));
    }

    @Test
    void rfc4134Example4_10HasSignedAttributesOutOfDerOrderAndIsVerifiedOverTheReceivedEncoding() {
        SignatureVerification result = new SmimeVerifier(CARL).withPolicy(VerificationPolicy.legacy())
                .verifySignedData(CorpusFiles.bytes("rfc4134/4.10.bin"), null, RFC4134_TIME);

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signers().get(0).warnings()).anySatisfy(warning -> assertThat(warning).contains("not in DER order"));
    }

    @Test
    void rfc4134Example4_6HasADianeSignerWhoseDsaKeyInheritsParametersWhichIsUnsupported() {
        SignatureVerification result = new SmimeVerifier(CARL).withPolicy(VerificationPolicy.legacy())
                .verifySignedData(CorpusFiles.bytes("rfc4134/4.6.bin"), null, RFC4134_TIME);

        assertThat(result.signers()).hasSize(2);
        assertThat(result.signers().get(0).status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signers().get(0).certificateAddresses()).containsExactly("alicedss@example.com");
        SignerVerification diane = result.signers().get(1);
        assertThat(diane.certificateAddresses()).containsExactly("dianedss@example.com");
        assertThat(diane.signatureCheck()).isEqualTo(SignatureCheck.UNSUPPORTED_ALGORITHM);
        assertThat(diane.problems().get(0)).contains("inherits its parameters");
        assertThat(result.status()).as("one valid signer suffices").isEqualTo(VerificationStatus.VALID);
    }

    /** The RFC's own messages say From: AliceDSS@examples.com while the certificate names @example.com. */
    @ParameterizedTest
    @ValueSource(strings = {"4.8.eml", "4.9.eml"})
    void rfc4134MessagesAreSignedCorrectlyButTheirFromDoesNotMatchTheCertificate(String file) {
        SignatureVerification result = new SmimeVerifier(CARL).withPolicy(VerificationPolicy.legacy())
                .verify(CorpusFiles.bytes("rfc4134/" + file), RFC4134_TIME);

        assertThat(result.status()).isEqualTo(VerificationStatus.ADDRESS_MISMATCH);
        assertThat(result.senderAddresses()).containsExactly("alicedss@examples.com");
        assertThat(result.signers().get(0).signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(result.signers().get(0).trust().trusted()).isTrue();
    }

    @Test
    void rfc4134CertificatesOnlyIsNotSigned() {
        SignatureVerification result = new SmimeVerifier(CARL)
                .verifySignedData(CorpusFiles.bytes("rfc4134/4.11.bin"), null, RFC4134_TIME);

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_SIGNED);
        assertThat(result.note()).get().asString().contains("certificates only");
    }

    /**
     * gpgsm's sm-verify test: GOODSIG for text-1.osig, text-1.dsig and text-2.osig, BADSIG for the
     * -bad ones. Their 2002 signed attributes lack the content-type attribute that RFC 5652 §11.1
     * makes mandatory, so Sealmail rejects all of them, but it reports gpgsm's verdict on the
     * digest and signature value.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text-1.osig.pem     |            | the message digest and the signature value themselves are correct",
        "text-1.dsig.pem     | text-1.txt | the message digest and the signature value themselves are correct",
        "text-2.osig.pem     |            | the message digest and the signature value themselves are correct",
        "text-1.osig-bad.pem |            | besides, the message digest does not match",
        "text-2.osig-bad.pem |            | besides, the signature value does not match"})
    void gpgsmSignatures(String file, String detachedFile, String verdict) {
        byte[] detached = detachedFile == null ? null : CorpusFiles.bytes("gnupg-cms/" + detachedFile);
        SmimeVerifier verifier = new SmimeVerifier(CorpusFiles.certificates("gnupg-cms/cert_g10code_test1.der"))
                .withPolicy(VerificationPolicy.legacy());

        SignatureVerification result = verifier.verifySignedData(CorpusFiles.pemBlock("gnupg-cms/" + file), detached,
                Instant.parse("2002-08-09T00:00:00Z"));

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
        SignerVerification signer = result.signers().get(0);
        assertThat(signer.problems().get(0)).contains("content-type attribute").contains(verdict);
        if (file.equals("text-1.osig.pem")) {
            assertThat(result.signedContent()).as("gpgsm's cmpfiles text-1.txt").isEqualTo(CorpusFiles.bytes("gnupg-cms/text-1.txt"));
        }
    }

    /** OpenSSL's test_cms expects each of these to fail verification with an attribute error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad_signtime_attr.cms | signing-time",
        "ct_multiple_attr.cms  | multiple instances of the content-type attribute",
        "no_ct_attr.cms        | content-type attribute type MUST be present",
        "no_md_attr.cms        | message-digest signed attribute type MUST be present"})
    void opensslNegativeCasesFailWithTheAttributeError(String file, String error) {
        SignatureVerification result = new SmimeVerifier(CorpusFiles.certificates("openssl/smime-certs/smroot.pem"))
                .verifySignedData(CorpusFiles.bytes("openssl/80-test_cms_data/" + file), null,
                        Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
        assertThat(result.signers().get(0).problems().get(0)).contains(error);
    }

    @Test
    void md4SignedDataIsRefusedWithoutCheckingIt() {
        SignatureVerification result = new SmimeVerifier(List.of())
                .verifySignedData(CorpusFiles.pemBlock("openssl/80-test_cms_data/pkcs7-md4.pem"), null, Instant.now());

        assertThat(result.status()).isEqualTo(VerificationStatus.UNSUPPORTED_ALGORITHM);
        assertThat(result.signers().get(0).problems().get(0)).contains("MD4 is broken");
    }

    @Test
    void signedAndEnvelopedDataIsRejectedAsNotSignedData() {
        byte[] cms = CorpusFiles.pemBlock("openssl/80-test_cms_data/pkcs7-md4-encrypted.pem");

        assertThatThrownBy(() -> new SmimeVerifier(List.of()).verifySignedData(cms, null, Instant.now()))
                .isInstanceOfSatisfying(CryptoException.class,
                        e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                .hasMessageContaining("1.2.840.113549.1.7.4 is not SignedData");
    }

    @Test
    void anEmptyDigestAlgorithmSetFailsCleanly() {
        SignatureVerification result = new SmimeVerifier(List.of())
                .verify(CorpusFiles.bytes("openssl/smime-eml/pkcs7-empty-digest-set.eml"));

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
        assertThat(result.signers().get(0).problems().get(0)).contains("digestAlgorithms");
    }

    @Test
    void pkitsInvalidPolicyMappingFromAnyPolicyIsNotTrusted() {
        SignatureVerification result = new SmimeVerifier(CorpusFiles.certificates("openssl/misc/pkitsta.pem"))
                .verify(CorpusFiles.bytes("openssl/smime-eml/SignedInvalidMappingFromanyPolicyTest7.eml"),
                        Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(result.status()).isEqualTo(VerificationStatus.UNTRUSTED);
        assertThat(result.signers().get(0).signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(result.signers().get(0).trust().trusted()).isFalse();
    }

    private static final Instant RFC9216_TIME = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<X509Certificate> LAMPS_CAS = CorpusFiles.certificates(
            "examples-cms-rfc9216/Sample_LAMPS_RSA_Certification_Authority.selfsigned.pem",
            "examples-cms-rfc9216/Sample_LAMPS_Ed25519_Certification_Authority.selfsigned.pem");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "signedByAliceRSA.p7m     | alice@smime.example  | RSASSA-PKCS1-v1_5",
        "signedByAliceRSAPSS.p7m  | alice@smime.example  | RSASSA-PSS (SHA-256, salt 32 bytes)",
        "signedByCarlosEd25519.p7m| carlos@smime.example | Ed25519"})
    void rfc9216SignedDataVerifies(String file, String address, String algorithm) {
        SignatureVerification result = new SmimeVerifier(LAMPS_CAS)
                .verifySignedData(CorpusFiles.bytes("examples-cms-rfc9216/" + file), null, RFC9216_TIME);

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.signedContent()).isEqualTo(RFC4134_CONTENT);
        assertThat(result.signers().get(0).certificateAddresses()).containsExactly(address);
        assertThat(result.signers().get(0).signatureAlgorithm()).isEqualTo(algorithm);
    }

    @Test
    void rfc9216DetachedSignatureVerifiesOverTheSampleContent() {
        SignatureVerification result = new SmimeVerifier(LAMPS_CAS).verifySignedData(
                CorpusFiles.bytes("examples-cms-rfc9216/signedByCarlosDetached.p7m"), RFC4134_CONTENT, RFC9216_TIME);

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void signersWithoutCertificatesCannotBeCheckedUntilTheCertificatesAreKnown() {
        byte[] cms = CorpusFiles.bytes("examples-cms-rfc9216/signedByAliceAndCarlosNoCerts.p7m");

        SignatureVerification withoutCertificates = new SmimeVerifier(LAMPS_CAS).verifySignedData(cms, null, RFC9216_TIME);
        SignatureVerification withCertificates = new SmimeVerifier(LAMPS_CAS)
                .withKnownCertificates(CorpusFiles.certificates("examples-cms-rfc9216/lamps-alice.crt",
                        "examples-cms-rfc9216/lamps-carlos.crt"))
                .verifySignedData(cms, null, RFC9216_TIME);

        assertThat(withoutCertificates.status()).isEqualTo(VerificationStatus.UNTRUSTED);
        assertThat(withoutCertificates.signers()).hasSize(2).allSatisfy(signer -> {
            assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CERTIFICATE_MISSING);
            assertThat(signer.problems().get(0)).contains("is neither in the message nor among the known certificates");
        });
        assertThat(withCertificates.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(withCertificates.signers()).allSatisfy(
                signer -> assertThat(signer.status()).isEqualTo(VerificationStatus.VALID));
    }
}
