package org.sealmail.crypto.smime.decrypt;

import java.security.cert.X509Certificate;

/**
 * What a decryption found. The decrypted MIME entity itself goes to the caller's stream (or
 * {@link DecryptedEntity}).
 *
 * @param contentType "AuthEnvelopedData" (RFC 5083) or "EnvelopedData" (RFC 5652 §6)
 * @param contentEncryption the content-encryption algorithm
 * @param keyManagement how the content-encryption key was wrapped for us
 * @param recipientIdentifier the RecipientInfo that matched, e.g.
 *     "issuer CN=Bob CA, serial 0x1f" or "subject key identifier 3f2a..."
 * @param keyAlias the alias of the key used (from its PKCS#12 file)
 * @param certificate the certificate of the key used
 * @param contentBytes length of the decrypted entity, in bytes
 */
public record DecryptionResult(String contentType, ContentEncryptionAlgorithm contentEncryption,
        KeyManagementAlgorithm keyManagement, String recipientIdentifier, String keyAlias,
        X509Certificate certificate, long contentBytes) {

    /**
     * @return true only when the content was encrypted with an AEAD algorithm in
     *     AuthEnvelopedData and its tag verified; false for EnvelopedData (CBC), whose content
     *     may have been altered undetected
     */
    public boolean integrityProtected() {
        return contentEncryption.authenticated();
    }
}
