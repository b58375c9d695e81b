package org.sealmail.crypto.smime.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * What the CMS layer tells about one SignerInfo, before any certificate or address policy.
 *
 * @param check the cryptographic check
 * @param problem why the check failed; empty when correct
 * @param signerIdentifier the sid as text (issuer and serial, or subject key identifier)
 * @param certificate the signer's certificate, when found
 * @param signingTime the signingTime signed attribute
 * @param digestAlgorithm the digest name, e.g. "SHA-256" (or the OID when unknown)
 * @param signatureAlgorithm the signature name, e.g. "RSASSA-PSS" (or the OID when unknown)
 * @param capabilities the SMIMECapabilities signed attribute (empty when absent)
 * @param preferredEncryptionCertificate the certificate named by SMIMEEncryptionKeyPreference
 *     (or Microsoft's equivalent), when it is in the message
 * @param notes remarks that do not change the outcome
 */
record SignerFacts(SignatureCheck check, Optional<String> problem, String signerIdentifier,
        Optional<X509Certificate> certificate, Optional<Instant> signingTime, String digestAlgorithm,
        String signatureAlgorithm, SmimeCapabilities capabilities, Optional<X509Certificate> preferredEncryptionCertificate,
        List<String> notes) {

    SignerFacts {
        notes = List.copyOf(notes);
    }
}
