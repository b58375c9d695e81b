package org.sealmail.crypto.smime.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.PathValidation;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * Everything verified about one signer (one SignerInfo, RFC 5652 §5.3) of a message.
 *
 * @param status this signer's outcome: the most severe failure among the checks below
 * @param signatureCheck the cryptographic check of digest and signature
 * @param signerIdentifier the signer identifier as text (issuer and serial number, or subject key identifier)
 * @param certificate the signer's certificate, when it was found
 * @param certificateAddresses the e-mail addresses the certificate names (RFC 8550 §3), lower case
 * @param addressCheck whether those include the message's From (and Sender) addresses
 * @param trust the PKIX path validation towards the trust anchors (RFC 5280 §6)
 * @param certificateAssessment validity, key usage, extended key usage and key size, when a certificate was found
 * @param signingTime the signingTime signed attribute (UTC), when present
 * @param digestAlgorithm the digest, e.g. "SHA-256"
 * @param signatureAlgorithm the signature scheme, e.g. "RSASSA-PKCS1-v1_5" or "ECDSA"
 * @param capabilities the SMIMECapabilities signed attribute (RFC 8551 §2.5.2)
 * @param preferredEncryptionCertificate the certificate named by SMIMEEncryptionKeyPreference
 *     (RFC 8551 §2.5.3) or Microsoft's equivalent, when the message carries it
 * @param problems every failed check, in words for a user; empty when valid
 * @param warnings facts worth showing that do not make the signature invalid
 */
public record SignerVerification(VerificationStatus status, SignatureCheck signatureCheck, String signerIdentifier,
        Optional<X509Certificate> certificate, List<String> certificateAddresses, AddressCheck addressCheck,
        PathValidation trust, Optional<CertificateAssessment> certificateAssessment, Optional<Instant> signingTime,
        String digestAlgorithm, String signatureAlgorithm, SmimeCapabilities capabilities,
        Optional<X509Certificate> preferredEncryptionCertificate, List<String> problems, List<String> warnings) {

    /** Checks the mandatory fields and copies the lists. */
    public SignerVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(signatureCheck, "signatureCheck");
        Objects.requireNonNull(trust, "trust");
        certificateAddresses = List.copyOf(certificateAddresses);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** @return true if the preferred encryption certificate is the signing certificate itself */
    public boolean prefersSigningCertificateForEncryption() {
        return certificate.isPresent() && preferredEncryptionCertificate.isPresent()
                && certificate.get().equals(preferredEncryptionCertificate.get());
    }
}
