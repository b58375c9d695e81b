package org.sealmail.app.ui.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.UiText;

/** The bar's wording, checked by hand against DESIGN.md's rules for each case. */
class ProtectionBarTextTest {

    private final ProtectionBarText text = new ProtectionBarText(UiText.english(), ZoneOffset.UTC);

    @Test
    void doNotForwardNamesTemplateSenderRightsAndExpiry() {
        ProtectionBar bar = text.describe(SampleMessages.doNotForward().protection(), "alice@example.org", SampleMessages.NOW);

        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.INFO);
        assertThat(bar.headline()).isEqualTo("Protected with \u201cDo Not Forward\u201d by alice@example.org");
        assertThat(bar.details()).containsExactly(
                "You may: view, reply, reply all",
                "Not allowed: forward, copy, print, save and export, edit",
                "Expires Dec 31, 2026, 11:00 PM");
    }

    @Test
    void anExpiredMessageSaysWhenItExpired() {
        ProtectionBar bar = text.describe(SampleMessages.expired().protection(), "alice@example.org", SampleMessages.NOW);

        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.ERROR);
        assertThat(bar.headline()).isEqualTo("This message protected with \u201cDo Not Forward\u201d expired on "
                + "Oct 1, 2026, 12:00 AM. Its content can no longer be shown.");
    }

    @Test
    void aTamperedMessageSaysItWasChanged() {
        ProtectionBar bar = text.describe(new RightsProtection("Encrypt", "alice@example.org", SampleMessages.ENCRYPT,
                Optional.empty(), RightsProtection.Outcome.TAMPERED), "alice@example.org", SampleMessages.NOW);

        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.ERROR);
        assertThat(bar.headline()).isEqualTo(
                "This message was changed after alice@example.org protected it with \u201cEncrypt\u201d. It is not shown.");
    }

    @Test
    void aValidSignatureNamesSignerTrustMatchAndCoverage() {
        ProtectionBar bar = text.describe(SampleMessages.smime(SampleMessages.validSignature()).protection(),
                "alice@example.org", SampleMessages.NOW);

        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.OK);
        assertThat(bar.headline()).isEqualTo("Signed by Alice Example <alice@example.org>: the signature is valid, "
                + "the certificate is trusted and matches the sender.");
        assertThat(bar.details()).containsExactly("Signed by: Alice Example <alice@example.org>",
                "Certificate: trusted", "Address: matches From", "Signature covers: the whole message");
    }

    @Test
    void aBadSignatureIsAnErrorNeverValid() {
        SignatureCheck bad = new SignatureCheck(SignatureCheck.Outcome.BAD_SIGNATURE, "Alice Example",
                "alice@example.org", true, true, true, "message digest mismatch");
        ProtectionBar bar = text.describe(SampleMessages.smime(bad).protection(), "alice@example.org", SampleMessages.NOW);

        assertThat(bad.valid()).isFalse();
        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.ERROR);
        assertThat(bar.headline()).isEqualTo("The signature is INVALID: this message was changed after Alice Example signed it.");
    }

    @Test
    void aMismatchedAddressNamesBothAddresses() {
        SignatureCheck mismatch = new SignatureCheck(SignatureCheck.Outcome.VERIFIED, "Carol", "carol@example.org",
                true, false, true, "");
        ProtectionBar bar = text.describe(SampleMessages.smime(mismatch).protection(), "alice@example.org", SampleMessages.NOW);

        assertThat(mismatch.valid()).isFalse();
        assertThat(bar.severity()).isEqualTo(ProtectionBar.Severity.WARNING);
        assertThat(bar.headline()).isEqualTo(
                "Signed by carol@example.org, but the message says it is from alice@example.org: the addresses do not match.");
        assertThat(bar.details()).contains("Address: the certificate names carol@example.org, From says alice@example.org");
    }

    @Test
    void anUntrustedOrPartialSignatureIsAWarning() {
        SignatureCheck untrusted = new SignatureCheck(SignatureCheck.Outcome.VERIFIED, "Alice", "alice@example.org",
                false, true, true, "");
        SignatureCheck partial = new SignatureCheck(SignatureCheck.Outcome.VERIFIED, "Alice", "alice@example.org",
                true, true, false, "");

        assertThat(text.describe(SampleMessages.smime(untrusted).protection(), "alice@example.org", SampleMessages.NOW).headline())
                .isEqualTo("Signed by Alice <alice@example.org>, but the certificate is not issued by an authority you trust.");
        ProtectionBar partialBar = text.describe(SampleMessages.smime(partial).protection(), "alice@example.org", SampleMessages.NOW);
        assertThat(partialBar.severity()).isEqualTo(ProtectionBar.Severity.WARNING);
        assertThat(partialBar.details()).contains("Signature covers: only part of the message");
    }

    @Test
    void encryptionNamesTheAlgorithmAndWarnsAboutCbc() {
        SmimeProtection gcm = new SmimeProtection(Optional.empty(),
                Optional.of(new EncryptionCheck("AES-256-GCM", true, EncryptionCheck.Outcome.DECRYPTED)));
        SmimeProtection cbc = new SmimeProtection(Optional.empty(),
                Optional.of(new EncryptionCheck("AES-128-CBC", false, EncryptionCheck.Outcome.DECRYPTED)));
        SmimeProtection wrongKey = new SmimeProtection(Optional.empty(),
                Optional.of(new EncryptionCheck("AES-256-GCM", true, EncryptionCheck.Outcome.NO_MATCHING_KEY)));

        assertThat(text.describe(gcm, "a@example.org", Instant.EPOCH).details())
                .containsExactly("Encrypted with AES-256-GCM (authenticated encryption)", "Not signed: the sender is not verified.");
        ProtectionBar cbcBar = text.describe(cbc, "a@example.org", Instant.EPOCH);
        assertThat(cbcBar.severity()).isEqualTo(ProtectionBar.Severity.WARNING);
        assertThat(cbcBar.details().get(0)).isEqualTo(
                "Encrypted with AES-128-CBC, which does not detect tampering: treat the content with care.");
        assertThat(text.describe(wrongKey, "a@example.org", Instant.EPOCH).headline())
                .isEqualTo("This message is encrypted for someone else: none of your keys can open it.");
    }
}
