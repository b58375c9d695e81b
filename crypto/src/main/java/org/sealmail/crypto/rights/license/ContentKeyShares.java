package org.sealmail.crypto.rights.license;

import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * The XOR split of double key encryption (docs/rights-server-api.md §6): K = A XOR B. With A drawn
 * uniformly at random, B is uniformly random too (a one-time pad), so either share alone reveals
 * nothing about K.
 */
public final class ContentKeyShares {

    private ContentKeyShares() {
    }

    /**
     * @param first K (to split) or share A (to recombine)
     * @param second share A (to split) or share B (to recombine)
     * @return {@code first XOR second}, byte by byte: B when splitting, K when recombining
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if the lengths differ or are not 32 bytes
     */
    public static byte[] combine(byte[] first, byte[] second) {
        if (first.length != 32 || second.length != 32) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "double-key shares must be 32 bytes each, got "
                    + first.length + " and " + second.length);
        }
        byte[] result = new byte[32];
        for (int index = 0; index < result.length; index++) {
            result[index] = (byte) (first[index] ^ second[index]);
        }
        return result;
    }
}
