package org.sealmail.rights.passcode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Draws one-time passcodes (8 decimal digits from a {@link SecureRandom}) and hashes them for
 * storage: SHA-256 over salt, content id, licensee and code. Comparison is constant time
 * ({@link MessageDigest#isEqual}) over the hashes.
 */
public final class PasscodeHasher {

    /** Digits in a passcode. */
    public static final int DIGITS = 8;

    private final SecureRandom random = new SecureRandom();

    /** @return a fresh code, {@value #DIGITS} decimal digits */
    public String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int index = 0; index < DIGITS; index++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** @return a fresh 16-byte salt, base64 */
    public String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    /**
     * @param salt base64 salt
     * @param cid content id
     * @param licensee address
     * @param code the code as typed
     * @return base64 SHA-256(salt ‖ 0 ‖ cid ‖ 0 ‖ licensee ‖ 0 ‖ code)
     */
    public static String hash(String salt, String cid, String licensee, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            for (String part : new String[] {cid, licensee, code}) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * @param expectedHash the stored hash (base64)
     * @param actualHash the hash of the submitted code (base64)
     * @return true if equal, compared in constant time
     */
    public static boolean matches(String expectedHash, String actualHash) {
        return MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII), actualHash.getBytes(StandardCharsets.US_ASCII));
    }
}
