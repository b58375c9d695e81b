package org.sealmail.crypto.rights.license;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.UsageRights;

/**
 * The rights a publishing license grants one licensee, and the certificate whose key the
 * content-encryption key was wrapped to (so the RecipientInfos can be checked against it). A grant
 * without a certificate is an <em>online grant</em>: the licensee has no certificate and is licensed
 * only by the rights server the publishing license names (docs/rights-server-api.md §3).
 *
 * @param licensee the licensee's address, lower case
 * @param rights the rights granted; never empty
 * @param certificate the licensee's certificate; empty for an online grant
 */
public record RecipientGrant(String licensee, UsageRights rights, Optional<CertificateReference> certificate) {

    /** Lower-cases the address and checks the rights are not empty. */
    public RecipientGrant {
        licensee = licensee.trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(rights, "rights");
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one right");
        }
    }

    /**
     * A grant to the holder of a certificate (certificate-based, offline licensing).
     *
     * @param licensee the licensee's address
     * @param rights the rights granted
     * @param certificate the licensee's certificate
     */
    public RecipientGrant(String licensee, UsageRights rights, CertificateReference certificate) {
        this(licensee, rights, Optional.of(Objects.requireNonNull(certificate, "certificate")));
    }

    /**
     * @param licensee the licensee's address
     * @param rights the rights granted
     * @return an online grant: no certificate, licensed only by the rights server
     */
    public static RecipientGrant online(String licensee, UsageRights rights) {
        return new RecipientGrant(licensee, rights, Optional.empty());
    }

    /** @return true if this grant has no certificate and is licensed only by the rights server */
    public boolean isOnline() {
        return certificate.isEmpty();
    }
}
