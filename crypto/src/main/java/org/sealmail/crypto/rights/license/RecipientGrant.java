package org.sealmail.crypto.rights.license;

import java.util.Locale;
import java.util.Objects;
import org.sealmail.crypto.rights.UsageRights;

/**
 * The rights a publishing license grants one licensee, and the certificate whose key the
 * content-encryption key was wrapped to (so the RecipientInfos can be checked against it).
 *
 * @param licensee the licensee's address, lower case
 * @param rights the rights granted; never empty
 * @param certificate the licensee's certificate
 */
public record RecipientGrant(String licensee, UsageRights rights, CertificateReference certificate) {

    /** Lower-cases the address and checks the rights are not empty. */
    public RecipientGrant {
        licensee = licensee.trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(certificate, "certificate");
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("a grant needs at least one right");
        }
    }
}
