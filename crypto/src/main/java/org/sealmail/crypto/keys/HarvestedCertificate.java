package org.sealmail.crypto.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A correspondent's certificate taken from a signed message, with what the message said about
 * the signer's capabilities: the model that the store's certificate directory persists.
 *
 * @param address the correspondent's address (lower case), as named by the certificate
 * @param certificate the signer's certificate
 * @param smimeCapabilities algorithm OIDs from the SMIMECapabilities signed attribute, in the
 *     signer's order of preference (RFC 8551 §2.5.2); empty when the attribute is absent
 * @param encryptionKeyPreference true if the signer named this certificate in the
 *     SMIMEEncryptionKeyPreference attribute (RFC 8551 §2.5.3)
 * @param seenAt when the message carrying it was verified (UTC)
 */
public record HarvestedCertificate(String address, X509Certificate certificate, List<String> smimeCapabilities,
        boolean encryptionKeyPreference, Instant seenAt) {

    /** Validates the mandatory fields and copies the capability list. */
    public HarvestedCertificate {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(seenAt, "seenAt");
        smimeCapabilities = List.copyOf(smimeCapabilities);
    }
}
