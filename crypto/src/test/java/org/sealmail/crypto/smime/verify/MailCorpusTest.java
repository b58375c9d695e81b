package org.sealmail.crypto.smime.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.crypto.keys.HarvestedCertificate;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * Signed messages from Bouncy Castle's mail tests (bc-java/SOURCE.md lists their expected
 * outcomes), a Thunderbird-signed message from MimeKit, and Thunderbird's browser-test
 * messages. The BC validator messages are SHA-1 signed and their certificates MD5-signed, from
 * 2006: their certificate semantics are checked with the legacy policy at each message's
 * signing time, and the modern policy must refuse them.
 */
class MailCorpusTest {

    private static final List<X509Certificate> BC_ROOT = CorpusFiles.certificates("bc-java/mail-smime/validator.root.crt");

    private static byte[] bc(String name) {
        return CorpusFiles.bytes("bc-java/mail-smime/" + name);
    }

    /** Verifies at the message's own signing time (its certificates expired long ago). */
    private static SignatureVerification atSigningTime(SmimeVerifier verifier, byte[] message) {
        Instant signed = verifier.verify(message).signers().get(0).signingTime().orElseThrow();
        return verifier.verify(message, signed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "validator.validMail.eml    | VALID                  | ",
        "validator.longValidity.eml | VALID                  | ",
        "validator.expired.eml      | CERTIFICATE_UNSUITABLE | certificate expired on 2006-09-01T08:39:20Z",
        "validator.notYetValid.eml  | CERTIFICATE_UNSUITABLE | signed at 2006-08-28T15:04:01Z, outside the certificate's validity",
        "validator.keyUsage.eml     | CERTIFICATE_UNSUITABLE | allows neither digitalSignature nor nonRepudiation",
        "validator.extKeyUsage.eml  | CERTIFICATE_UNSUITABLE | does not include emailProtection",
        "validator.shortKey.eml     | CERTIFICATE_UNSUITABLE | RSA 512 bits key is shorter than the 1024 bits required",
        "validator.noEmail.eml      | ADDRESS_MISMATCH       | names no e-mail address"})
    void bouncyCastleValidatorCasesWithTheLegacyPolicy(String file, VerificationStatus expected, String problem) {
        SmimeVerifier verifier = new SmimeVerifier(BC_ROOT).withPolicy(VerificationPolicy.legacy());

        SignatureVerification result = atSigningTime(verifier, bc(file));

        assertThat(result.status()).isEqualTo(expected);
        SignerVerification signer = result.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(signer.trust().trusted()).as("chains to validator.root.crt").isTrue();
        if (problem == null) {
            assertThat(signer.problems()).isEmpty();
            assertThat(signer.addressCheck()).isEqualTo(AddressCheck.MATCH);
        } else {
            assertThat(signer.problems()).anySatisfy(text -> assertThat(text).contains(problem));
        }
    }

    @Test
    void validMailDoesNotVerifyWithTheFakeRoot() {
        SmimeVerifier verifier = new SmimeVerifier(CorpusFiles.certificates("bc-java/mail-smime/validator.fakeRoot.crt"))
                .withPolicy(VerificationPolicy.legacy());

        SignatureVerification result = atSigningTime(verifier, bc("validator.validMail.eml"));

        assertThat(result.status()).isEqualTo(VerificationStatus.UNTRUSTED);
        assertThat(result.signers().get(0).signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
    }

    @Test
    void theModernPolicyRefusesTheSha1SignedValidMail() {
        SignatureVerification result = atSigningTime(new SmimeVerifier(BC_ROOT), bc("validator.validMail.eml"));

        assertThat(result.status()).isEqualTo(VerificationStatus.UNSUPPORTED_ALGORITHM);
        SignerVerification signer = result.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.REFUSED_ALGORITHM);
        assertThat(signer.digestAlgorithm()).isEqualTo("SHA-1");
        assertThat(signer.trust().trusted()).as("MD5-signed certificate refused by the JDK's PKIX").isFalse();
    }

    /**
     * Bouncy Castle's own test expects this message to verify false: BC re-encodes the signed
     * attributes as DER, and this signer (Outlook, 2015) signed them in another order. The
     * content digest matches the raw signed part, and the signature verifies over the attributes
     * as received, as {@code openssl cms -verify} and {@code openssl smime -verify} also report
     * ("Verification successful"). Sealmail sides with OpenSSL and says so in a warning; it must
     * not throw either way.
     */
    @Test
    void a3nnnMessageSignedOverNonDerAttributesVerifiesLikeOpensslWithAWarning() {
        SignatureVerification result = new SmimeVerifier(BC_ROOT).verify(bc("3nnn_smime.eml"));

        SignerVerification signer = result.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(signer.warnings()).anySatisfy(warning -> assertThat(warning).contains("not in DER order"));
        assertThat(result.status()).as("no trust anchor for it").isEqualTo(VerificationStatus.UNTRUSTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotable.message", "embeddedmulti.message", "multi-alternative.eml", "extra-nl.eml",
        "qp-soft-break.eml", "openssl-signed-sha256-non-default-salt-length.eml", "circular.eml"})
    void bouncyCastleSignedMessagesHaveCorrectSignatures(String file) {
        SignatureVerification result = new SmimeVerifier(List.of()).withPolicy(VerificationPolicy.legacy()).verify(bc(file));

        assertThat(result.signers()).isNotEmpty().allSatisfy(
                signer -> assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT));
    }

    @Test
    void pssWithANonDefaultSaltLengthIsReadFromTheParameters() {
        SignatureVerification result = new SmimeVerifier(List.of())
                .verify(bc("openssl-signed-sha256-non-default-salt-length.eml"));

        SignerVerification signer = result.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        assertThat(signer.signatureAlgorithm()).isEqualTo("RSASSA-PSS (SHA-256, salt 222 bytes)");
        assertThat(result.status()).as("no trust anchor given").isEqualTo(VerificationStatus.UNTRUSTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basicAS2.message", "rawAS2.message"})
    void as2RequestBodiesVerifyOnceTheHttpRequestLineIsRemoved(String file) {
        byte[] request = bc(file);
        assertThatCode(() -> new SmimeVerifier(List.of()).verify(request))
                .as("an HTTP request is not a mail message").hasMessageContaining("not an RFC 5322 message");
        String text = new String(request, StandardCharsets.ISO_8859_1);
        byte[] message = Arrays.copyOfRange(request, text.indexOf('\n') + 1, request.length);

        SignatureVerification result = new SmimeVerifier(List.of()).withPolicy(VerificationPolicy.legacy()).verify(message);

        assertThat(result.signers()).isNotEmpty().allSatisfy(
                signer -> assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT));
    }

    @Test
    void mimekitThunderbirdMessageHasOneCorrectSignerWithItsCapabilitiesHarvested() {
        SignatureVerification result = new SmimeVerifier(List.of()).withPolicy(VerificationPolicy.legacy())
                .verify(CorpusFiles.bytes("mimekit/thunderbird-signed.txt"));

        assertThat(result.signers()).hasSize(1);
        SignerVerification signer = result.signers().get(0);
        assertThat(signer.signatureCheck()).isEqualTo(SignatureCheck.CORRECT);
        // MimeKit's expectation: AES256, AES128, 3DES, RC2-128, RC2-64, DES, RC2-40
        List<String> expected = List.of(SmimeCapabilities.AES256_CBC, SmimeCapabilities.AES128_CBC, "1.2.840.113549.3.7",
                "1.2.840.113549.3.2", "1.2.840.113549.3.2", "1.3.14.3.2.7", "1.2.840.113549.3.2");
        assertThat(signer.capabilities().algorithms()).isEqualTo(expected);
        List<HarvestedCertificate> harvested = result.harvestedCertificates();
        assertThat(harvested).extracting(HarvestedCertificate::address).containsExactly("fejj@gnome.org");
        assertThat(harvested.get(0).smimeCapabilities()).isEqualTo(expected);
        assertThat(harvested.get(0).certificate()).isEqualTo(signer.certificate().orElseThrow());
        assertThat(harvested.get(0).seenAt()).isEqualTo(result.verifiedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice.dsig.SHA256.multipart.in.mixed.eml", "alice.dsig.SHA256.multipart.in.mixed.with.header.eml"})
    void aSignedPartInsideAnUnsignedMixedIsOnlyAPartialSignature(String file) {
        SmimeVerifier verifier = new SmimeVerifier(CorpusFiles.certificates("thunderbird-smime/smime/TestCA.pem"));

        SignatureVerification result = verifier.verify(CorpusFiles.bytes("thunderbird-smime/browser-smime/" + file),
                Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(result.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(result.coverage()).isEqualTo(Coverage.PARTIAL);
        assertThat(result.isFullyValid()).isFalse();
    }

    /** openssl cms -verify -noverify reports "content verify error" for each of these too. */
    @ParameterizedTest
    @ValueSource(strings = {"browser-smime/nested-sigs.eml", "openpgp-mixed-eml/outer-smime-bad-sig-inner-pgp-enc.eml",
        "openpgp-mixed-eml/outer-smime-bad-sig-inner-pgp-enc-sig.eml",
        "openpgp-mixed-eml/outer-smime-bad-sig-inner-pgp-enc-sig-with-mixed.eml"})
    void alteredThunderbirdMessagesHaveBadSignatures(String file) {
        SignatureVerification result = new SmimeVerifier(CorpusFiles.certificates("thunderbird-smime/smime/TestCA.pem"))
                .verify(CorpusFiles.bytes("thunderbird-smime/" + file), Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(result.status()).isEqualTo(VerificationStatus.BAD_SIGNATURE);
    }
}
