package org.sealmail.mailstore.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/**
 * Encryption at rest for what the store must keep but never in clear: cached use licenses and
 * drafts of protected messages. The key is the profile's <em>store key</em>: 32 random bytes made
 * on first use and kept in the {@link SecretStore} (the OS keyring, or the password file under the
 * master password) as the secret {@value #SECRET_NAME}, never in the database. Without it the
 * sealed columns cannot be read.
 *
 * <p>Each value is sealed with AES-256-GCM (NIST SP 800-38D) under a fresh 12-byte random nonce;
 * the sealed form is {@code nonce || ciphertext || 16-byte tag}. The caller's associated data
 * (e.g. content id and licensee) binds a sealed value to its row, so it cannot be moved to another.
 */
public final class StoreKeyCipher {

    /** The name of the store key in the secret store. */
    public static final String SECRET_NAME = "store-key";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private StoreKeyCipher(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * Reads the store key from the secret store, making and saving a new one if there is none.
     *
     * @param secrets the profile's secret store
     * @return the cipher
     * @throws StoreException SECRETS if the stored key is not 32 bytes of base64
     */
    public static StoreKeyCipher fromSecrets(SecretStore secrets) {
        Optional<char[]> stored = secrets.read(SECRET_NAME);
        byte[] keyBytes;
        if (stored.isPresent()) {
            char[] encoded = stored.get();
            try {
                ByteBuffer ascii = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(encoded));
                ByteBuffer decoded = Base64.getDecoder().decode(ascii);
                keyBytes = new byte[decoded.remaining()];
                decoded.get(keyBytes);
            } catch (IllegalArgumentException e) {
                throw new StoreException(StoreFailure.SECRETS, "the store key in " + secrets.description() + " is not base64", e);
            } finally {
                Arrays.fill(encoded, '\0');
            }
            if (keyBytes.length != KEY_BYTES) {
                throw new StoreException(StoreFailure.SECRETS, "the store key in " + secrets.description() + " is not "
                        + KEY_BYTES + " bytes long");
            }
        } else {
            keyBytes = new byte[KEY_BYTES];
            RANDOM.nextBytes(keyBytes);
            char[] encoded = Base64.getEncoder().encodeToString(keyBytes).toCharArray();
            secrets.write(SECRET_NAME, encoded);
            Arrays.fill(encoded, '\0');
        }
        try {
            return new StoreKeyCipher(new SecretKeySpec(keyBytes, "AES"));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /**
     * @param plaintext the bytes to protect
     * @param associatedData authenticated, not encrypted (binds the value to its row)
     * @return nonce || ciphertext || tag
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.SECRETS, "AES-256-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * @param sealed what {@link #seal} returned
     * @param associatedData the same associated data as when sealing
     * @return the plaintext
     * @throws StoreException SECRETS if the tag does not verify (another store key, altered row)
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new StoreException(StoreFailure.SECRETS, "a sealed value is truncated (" + sealed.length + " bytes)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreFailure.SECRETS,
                    "a sealed value does not decrypt with this profile's store key (other key, or the row was altered)", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.SECRETS, "AES-256-GCM is not available: " + e.getMessage(), e);
        }
    }
}
