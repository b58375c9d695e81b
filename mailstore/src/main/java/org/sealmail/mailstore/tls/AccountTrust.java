package org.sealmail.mailstore.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one account trusts beyond the platform's CA certificates: extra trust anchors (for
 * example a company or test CA, checked with full PKIX path validation) and explicitly pinned
 * server certificates (accepted exactly, by SHA-256 fingerprint). Nothing else is accepted.
 *
 * @param extraAnchors CA certificates trusted for this account in addition to the platform's
 * @param pinnedFingerprints SHA-256 fingerprints ({@link CertificateFingerprint} form) of server certificates the user pinned
 */
public record AccountTrust(List<X509Certificate> extraAnchors, Set<String> pinnedFingerprints) {

    /** Copies the lists and normalises the fingerprints. */
    public AccountTrust {
        extraAnchors = List.copyOf(extraAnchors);
        Set<String> normalized = new LinkedHashSet<>();
        for (String fingerprint : pinnedFingerprints) {
            normalized.add(CertificateFingerprint.normalize(fingerprint));
        }
        pinnedFingerprints = Set.copyOf(normalized);
    }

    /** @return trust in the platform's CA certificates only */
    public static AccountTrust platform() {
        return new AccountTrust(List.of(), Set.of());
    }

    /**
     * @param anchor a CA certificate to trust in addition
     * @return a copy with it
     */
    public AccountTrust withAnchor(X509Certificate anchor) {
        List<X509Certificate> anchors = new ArrayList<>(extraAnchors);
        anchors.add(anchor);
        return new AccountTrust(anchors, pinnedFingerprints);
    }

    /**
     * @param fingerprint the SHA-256 fingerprint of a server certificate the user decided to accept
     * @return a copy with the pin
     * @throws IllegalArgumentException if the fingerprint is malformed
     */
    public AccountTrust withPin(String fingerprint) {
        Set<String> pins = new LinkedHashSet<>(pinnedFingerprints);
        pins.add(CertificateFingerprint.normalize(fingerprint));
        return new AccountTrust(extraAnchors, pins);
    }
}
