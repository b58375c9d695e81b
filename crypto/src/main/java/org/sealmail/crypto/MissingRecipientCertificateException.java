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

    /**
     * @param recipients the addresses of the recipients without a usable certificate
     * @param reasons for each recipient, in the same order, why it has none ("no certificate",
     *     "certificate expired on 2024-01-31", ...)
     * @throws IllegalArgumentException if the lists differ in length
     */
    public MissingRecipientCertificateException(List<String> recipients, List<String> reasons) {
        super(CryptoFailure.RECIPIENT_CERTIFICATE_MISSING, describe(recipients, reasons));
        this.recipients = List.copyOf(recipients);
    }

    private static String describe(List<String> recipients, List<String> reasons) {
        if (recipients.size() != reasons.size()) {
            throw new IllegalArgumentException("one reason per recipient");
        }
        StringBuilder message = new StringBuilder("No usable encryption certificate for: ");
        for (int i = 0; i < recipients.size(); i++) {
            message.append(i == 0 ? "" : ", ").append(recipients.get(i)).append(" (").append(reasons.get(i)).append(')');
        }
        return message.append("; nothing was encrypted").toString();
    }

    /** @return the recipients that lack a usable certificate, in the order given */
    public List<String> recipients() {
        return recipients;
    }
}
