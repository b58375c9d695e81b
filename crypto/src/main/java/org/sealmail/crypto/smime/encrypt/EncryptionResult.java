package org.sealmail.crypto.smime.encrypt;

import java.util.List;

/**
 * What an encryption did.
 *
 * @param contentEncryption the content-encryption algorithm used
 * @param recipients one entry per RecipientInfo written, sender included, in order
 * @param contentBytes length of the encrypted MIME entity (canonical CRLF form), in bytes
 */
public record EncryptionResult(ContentEncryption contentEncryption, List<EncryptedFor> recipients, long contentBytes) {

    /** Copies the list. */
    public EncryptionResult {
        recipients = List.copyOf(recipients);
    }

    /**
     * One RecipientInfo.
     *
     * @param address the recipient's address
     * @param certificateSubject the certificate's subject DN (RFC 4514 string)
     * @param keyManagement how the content-encryption key was wrapped for it, e.g.
     *     "RSAES-OAEP (SHA-256, MGF1-SHA-256)" or "ECDH P-384 ephemeral-static, X9.63 KDF SHA-384, AES-256 key wrap"
     */
    public record EncryptedFor(String address, String certificateSubject, String keyManagement) {
    }
}
