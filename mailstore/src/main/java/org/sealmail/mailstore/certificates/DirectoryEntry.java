package org.sealmail.mailstore.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A correspondent's certificate in the directory.
 *
 * @param address the correspondent's address (lower case)
 * @param certificate the certificate
 * @param sha256Fingerprint SHA-256 of its DER encoding, lower-case hex
 * @param smimeCapabilities the SMIMECapabilities OIDs last seen with it (RFC 8551 §2.5.2), in preference order
 * @param encryptionKeyPreference whether the sender named it in SMIMEEncryptionKeyPreference (RFC 8551 §2.5.3)
 * @param source harvested from mail or imported
 * @param firstSeen when it was first seen (UTC)
 * @param lastSeen when it was last seen (UTC)
 */
public record DirectoryEntry(String address, X509Certificate certificate, String sha256Fingerprint,
        List<String> smimeCapabilities, boolean encryptionKeyPreference, CertificateSource source, Instant firstSeen,
        Instant lastSeen) {

    /** Checks the fields and copies the list. */
    public DirectoryEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(certificate, "certificate");
        smimeCapabilities = List.copyOf(smimeCapabilities);
    }
}
