package org.sealmail.crypto.smime.decrypt;

/**
 * The content-encryption algorithm a message was encrypted with, as reported after decryption.
 *
 * @param name common name, e.g. "AES-256-GCM", "AES-128-CBC", "ChaCha20-Poly1305", "3DES-CBC"
 * @param oid the algorithm OID (dotted)
 * @param keyBits key size in bits
 * @param authenticated true for AEAD algorithms (integrity protected); false for CBC, which
 *     detects no tampering (RFC 8551 §2.7, EFAIL)
 * @param legacy true for algorithms decrypted only for old mail (RFC 8551 Appendix B): 3DES
 */
public record ContentEncryptionAlgorithm(String name, String oid, int keyBits, boolean authenticated, boolean legacy) {
}
