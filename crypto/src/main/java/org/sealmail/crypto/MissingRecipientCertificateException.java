package org.sealmail.crypto;

import java.util.List;

/**
 * Encryption refused because some recipients have no usable certificate. Sealmail never
 * encrypts for a subset of the recipients silently (RFC 8551 leaves this to the client).
 */
public final class MissingRecipientCertificateException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final List<String> recipients;

    /** @param recipients the addresses (or names) of the recipients without a usable certificate */
    public MissingRecipientCertificateException(List<String> recipients) {
        super(CryptoFailure.RECIPIENT_CERTIFICATE_MISSING,
                "No usable encryption certificate for: " + String.join(", ", recipients));
        this.recipients = List.copyOf(recipients);
    }

    /** @return the recipients that lack a usable certificate, in the order given */
    public List<String> recipients() {
        return recipients;
    }
}
