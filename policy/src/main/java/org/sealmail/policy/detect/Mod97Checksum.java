package org.sealmail.policy.detect;

/**
 * The IBAN check (ISO 13616-1 §6, ISO/IEC 7064 MOD 97-10): move the first four characters to
 * the end, replace letters by 10..35, and the number must be 1 modulo 97.
 */
final class Mod97Checksum {

    private Mod97Checksum() {
    }

    /**
     * @param iban an IBAN in electronic form: upper-case letters and digits, no blanks
     * @return true if it passes the MOD 97-10 check
     */
    static boolean valid(String iban) {
        if (iban.length() < 5) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int index = 0; index < rearranged.length(); index++) {
            char c = rearranged.charAt(index);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
