package org.sealmail.policy.detect;

/** The Luhn (mod 10) check of payment card numbers (ISO/IEC 7812-1 Annex B). */
final class LuhnChecksum {

    private LuhnChecksum() {
    }

    /**
     * @param digits ASCII digits only, check digit last
     * @return true if the Luhn sum is a multiple of 10
     */
    static boolean valid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int index = digits.length() - 1; index >= 0; index--) {
            int digit = digits.charAt(index) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }
}
