package org.sealmail.crypto.smime.encrypt;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * Someone a message is encrypted for.
 *
 * @param address the recipient's e-mail address (as in To/Cc/Bcc or From)
 * @param certificate the recipient's encryption certificate, or {@code null} when none is known
 *     (encryption then fails, naming this recipient)
 * @param capabilities what the recipient advertised in SMIMECapabilities (RFC 8551 §2.5.2);
 *     empty when unknown
 */
public record EncryptionRecipient(String address, X509Certificate certificate, SmimeCapabilities capabilities) {

    /** Checks address and capabilities are given. */
    public EncryptionRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * @param address the address
     * @param certificate the certificate, or null
     * @return a recipient whose capabilities are unknown
     */
    public static EncryptionRecipient of(String address, X509Certificate certificate) {
        return new EncryptionRecipient(address, certificate, new SmimeCapabilities(java.util.List.of()));
    }
}
