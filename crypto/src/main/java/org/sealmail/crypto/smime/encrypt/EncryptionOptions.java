package org.sealmail.crypto.smime.encrypt;

import java.util.Objects;

/**
 * Choices for one encryption.
 *
 * @param contentEncryption the algorithm to use, or {@code null} to choose from the recipients'
 *     SMIMECapabilities (AES-256-GCM unless a recipient advertises capabilities without AES-GCM)
 * @param rsaKeyTransport key transport for RSA recipients
 */
public record EncryptionOptions(ContentEncryption contentEncryption, KeyTransport rsaKeyTransport) {

    /** Checks the key transport is given. */
    public EncryptionOptions {
        Objects.requireNonNull(rsaKeyTransport, "rsaKeyTransport");
    }

    /** @return capabilities decide the content encryption; RSA-OAEP SHA-256 key transport */
    public static EncryptionOptions defaults() {
        return new EncryptionOptions(null, KeyTransport.RSA_OAEP_SHA256);
    }

    /** @return these options with the content encryption forced to {@code encryption} */
    public EncryptionOptions withContentEncryption(ContentEncryption encryption) {
        return new EncryptionOptions(encryption, rsaKeyTransport);
    }

    /** @return these options with RSA key transport {@code transport} */
    public EncryptionOptions withKeyTransport(KeyTransport transport) {
        return new EncryptionOptions(contentEncryption, transport);
    }
}
