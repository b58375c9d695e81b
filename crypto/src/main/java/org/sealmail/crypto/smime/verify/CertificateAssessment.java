package org.sealmail.crypto.smime.verify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a signer's certificate is fit to sign e-mail (RFC 8550 §4.4): its validity period,
 * key usage, extended key usage and key size.
 *
 * @param notBefore start of validity (UTC)
 * @param notAfter end of validity (UTC)
 * @param validAtVerificationTime true if the verification instant lies within the validity
 * @param validAtSigningTime whether the signingTime lies within the validity; empty when the
 *     signature carries no signingTime
 * @param keyUsage the keyUsage bits set, by RFC 5280 name; empty when the extension is absent
 * @param keyUsageAllowsSigning true if keyUsage is absent or has digitalSignature or nonRepudiation
 * @param extendedKeyUsage the extendedKeyUsage purposes (names or OIDs); empty when absent
 * @param extendedKeyUsageAllowsEmail true if the extension is absent or names emailProtection
 *     or anyExtendedKeyUsage
 * @param publicKey the key type and size, e.g. "RSA 2048 bits"
 * @param keyStrongEnough true if the key meets the policy's minimum size
 * @param problems why the certificate is unsuitable, in words for a user; empty when suitable
 */
public record CertificateAssessment(Instant notBefore, Instant notAfter, boolean validAtVerificationTime,
        Optional<Boolean> validAtSigningTime, List<String> keyUsage, boolean keyUsageAllowsSigning,
        List<String> extendedKeyUsage, boolean extendedKeyUsageAllowsEmail, String publicKey, boolean keyStrongEnough,
        List<String> problems) {

    /** Copies the lists. */
    public CertificateAssessment {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(validAtSigningTime, "validAtSigningTime");
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        problems = List.copyOf(problems);
    }

    /** @return true if nothing makes the certificate unsuitable */
    public boolean suitable() {
        return problems.isEmpty();
    }
}
