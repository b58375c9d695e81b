package org.sealmail.app.ui.settings;

import java.util.Objects;

/**
 * One of the user's own keys with its certificate.
 *
 * @param alias the key's alias in the key store
 * @param certificate the certificate's details
 * @param current whether it is used for new signatures and as the encryption certificate
 *                (older keys are kept for decrypting old mail)
 */
public record OwnKey(String alias, CertificateDetails certificate, boolean current) {

    /** Rejects nulls. */
    public OwnKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(certificate, "certificate");
    }
}
