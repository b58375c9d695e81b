package org.sealmail.crypto.smime.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.HarvestedCertificate;
import org.sealmail.crypto.smime.sign.SignatureFormat;

/**
 * The verification of a signed message: a structured result, not a boolean.
 *
 * @param status the overall outcome: that of the best signer (one valid signer suffices, as
 *     with RFC 5752 multiple signatures), made worse by any nested signature layer's outcome;
 *     {@link VerificationStatus#NOT_SIGNED} when there is no S/MIME signature
 * @param coverage whether the signature covers the whole displayed message or only part of it
 * @param format detached (multipart/signed) or opaque (signed-data); empty when not signed
 * @param signers one entry per SignerInfo, in order
 * @param signedContent the signed content bytes exactly as verified (for a message: the inner
 *     MIME entity, with CRLF line ends), for display or further unwrapping; empty when not signed
 * @param nested the verification of a signature layer directly inside the signed content
 *     (a message signed again, RFC 8551 §3.7), when there is one
 * @param senderAddresses the From and Sender addresses checked against the certificates
 * @param validationTime the instant certificates were validated at (UTC)
 * @param verifiedAt when the verification ran (UTC)
 * @param note why the message counts as not signed, or other remarks about its structure
 */
public record SignatureVerification(VerificationStatus status, Coverage coverage, Optional<SignatureFormat> format,
        List<SignerVerification> signers, byte[] signedContent, Optional<SignatureVerification> nested,
        List<String> senderAddresses, Instant validationTime, Instant verifiedAt, Optional<String> note) {

    /** Checks the mandatory fields and copies the lists and bytes. */
    public SignatureVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(validationTime, "validationTime");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        signers = List.copyOf(signers);
        senderAddresses = List.copyOf(senderAddresses);
        signedContent = signedContent.clone();
    }

    /** @return a copy of the signed content bytes */
    @Override
    public byte[] signedContent() {
        return signedContent.clone();
    }

    /**
     * @return true only for a valid, trusted, address-matching signature that covers the whole
     *     message (DESIGN.md: partial signatures are labelled, never shown as valid)
     */
    public boolean isFullyValid() {
        return status == VerificationStatus.VALID && coverage == Coverage.WHOLE;
    }

    /**
     * The certificates a correspondent's client may keep from this message: for every signer
     * whose signature is mathematically correct (trust is the certificate directory's
     * decision), its certificate once per address it names, and the certificate named by
     * SMIMEEncryptionKeyPreference when that is another one. Nested layers are included.
     *
     * @return the harvested certificates, seen at {@link #verifiedAt()}
     */
    public List<HarvestedCertificate> harvestedCertificates() {
        List<HarvestedCertificate> harvested = new ArrayList<>();
        for (SignerVerification signer : signers) {
            if (signer.signatureCheck() != SignatureCheck.CORRECT || signer.certificate().isEmpty()) {
                continue;
            }
            List<String> capabilities = signer.capabilities().algorithms();
            X509Certificate certificate = signer.certificate().get();
            boolean preferred = signer.prefersSigningCertificateForEncryption();
            for (String address : CertificateAddresses.of(certificate)) {
                harvested.add(new HarvestedCertificate(address, certificate, capabilities, preferred, verifiedAt));
            }
            Optional<X509Certificate> other = signer.preferredEncryptionCertificate().filter(cert -> !preferred);
            if (other.isPresent()) {
                for (String address : CertificateAddresses.of(other.get())) {
                    harvested.add(new HarvestedCertificate(address, other.get(), capabilities, true, verifiedAt));
                }
            }
        }
        nested.ifPresent(inner -> harvested.addAll(inner.harvestedCertificates()));
        return List.copyOf(harvested);
    }
}
