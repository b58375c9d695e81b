package org.sealmail.policy.detect;

import java.util.List;
import java.util.Optional;

/**
 * The major payment card brands, by issuer identification number (IIN) range and number length,
 * as the networks publish them: Visa 4; Mastercard 51–55 and 2221–2720; American Express 34, 37;
 * Discover 6011, 644–649, 65; JCB 3528–3589; Diners Club 300–305, 3095, 36, 38, 39; UnionPay 62.
 */
enum CardBrand {
    VISA(List.of(range("4", "4")), 13, 16, 19),
    MASTERCARD(List.of(range("51", "55"), range("2221", "2720")), 16),
    AMERICAN_EXPRESS(List.of(range("34", "34"), range("37", "37")), 15),
    DISCOVER(List.of(range("6011", "6011"), range("644", "649"), range("65", "65")), 16, 17, 18, 19),
    JCB(List.of(range("3528", "3589")), 16, 17, 18, 19),
    DINERS_CLUB(List.of(range("300", "305"), range("3095", "3095"), range("36", "36"), range("38", "39")),
            14, 15, 16, 17, 18, 19),
    UNIONPAY(List.of(range("62", "62")), 16, 17, 18, 19);

    private final List<IinRange> ranges;
    private final int[] lengths;

    CardBrand(List<IinRange> ranges, int... lengths) {
        this.ranges = ranges;
        this.lengths = lengths;
    }

    /** IIN prefixes from {@code low} to {@code high}, both of the same length, inclusive. */
    private record IinRange(String low, String high) {
    }

    private static IinRange range(String low, String high) {
        return new IinRange(low, high);
    }

    /**
     * @param digits a candidate number, digits only
     * @return the brand whose IIN range and length it fits, if any (the checksum is not checked here)
     */
    static Optional<CardBrand> of(String digits) {
        for (CardBrand brand : values()) {
            if (brand.fits(digits)) {
                return Optional.of(brand);
            }
        }
        return Optional.empty();
    }

    private boolean fits(String digits) {
        boolean lengthFits = false;
        for (int length : lengths) {
            lengthFits |= digits.length() == length;
        }
        if (!lengthFits) {
            return false;
        }
        for (IinRange range : ranges) {
            String prefix = digits.substring(0, range.low().length());
            if (prefix.compareTo(range.low()) >= 0 && prefix.compareTo(range.high()) <= 0) {
                return true;
            }
        }
        return false;
    }
}
