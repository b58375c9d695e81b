package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped with single spaces or dashes (or
 * dots, in four groups of four only, so that decimal and version numbers do not qualify), that
 * stand alone (not part of a longer digit run or a word; a comma separates, as in CSV), are not
 * inside a
 * URL, pass the Luhn check and fit a {@link CardBrand}: {@link Confidence#MEDIUM}, or
 * {@link Confidence#HIGH} with a card keyword nearby ("card", "visa", "cvv", "exp"...).
 * A Luhn-valid number of no known brand is {@link Confidence#LOW}. Numbers of one repeated
 * digit are ignored.
 */
final class CardNumberDetector implements SensitiveInformationDetector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?<!\\d[ .-])\\d(?:[ .-]?\\d){12,18}(?![ .-]?\\d)(?![\\p{L}\\p{N}_])");
    private static final Pattern DOTTED = Pattern.compile("\\d{4}(?:\\.\\d{4}){3}");
    private static final Keywords KEYWORDS = Keywords.of("card", "cards", "credit", "debit", "visa", "mastercard",
            "master card", "amex", "american express", "discover", "jcb", "diners", "unionpay", "cvv", "cvc", "cvv2",
            "exp", "expiry", "expires", "expiration", "valid thru", "card number");

    @Override
    public List<Detection> detect(ScanText text) {
        List<Detection> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text.text());
        while (matcher.find()) {
            if (text.inUrl(matcher.start(), matcher.end())) {
                continue;
            }
            if (matcher.group().indexOf('.') >= 0 && !DOTTED.matcher(matcher.group()).matches()) {
                continue;
            }
            String digits = matcher.group().replaceAll("[ .-]", "");
            if (digits.chars().distinct().count() == 1 || !LuhnChecksum.valid(digits)) {
                continue;
            }
            boolean keyword = KEYWORDS.near(text, matcher.start(), matcher.end());
            if (CardBrand.of(digits).isPresent()) {
                found.add(new Detection(SensitiveType.CARD_NUMBER, keyword ? Confidence.HIGH : Confidence.MEDIUM));
            } else {
                found.add(new Detection(SensitiveType.CARD_NUMBER, Confidence.LOW));
            }
        }
        return found;
    }
}
