package org.sealmail.crypto.smime.decrypt;

/**
 * A decrypted MIME entity held in memory, for callers that parse it next (nested layers).
 *
 * @param entity the inner MIME entity, as decrypted (header fields, empty line, body)
 * @param result what the decryption found
 */
public record DecryptedEntity(byte[] entity, DecryptionResult result) {
}
