package org.sealmail.crypto.smime.decrypt;

/**
 * How the content-encryption key reached the recipient (the RecipientInfo's algorithm).
 *
 * @param name readable description, e.g. "RSAES-OAEP (SHA-256, MGF1-SHA-256)", "RSA PKCS#1 v1.5",
 *     "ECDH ephemeral-static, X9.63 KDF SHA-384, AES-256 key wrap"
 * @param oid the key encryption (or key agreement) algorithm OID (dotted)
 */
public record KeyManagementAlgorithm(String name, String oid) {
}
