package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs (ISO 13616) in electronic form ({@code DE89370400440532013000}) or print form (groups of
 * four separated by single spaces), in either case: a registered country code, two check digits, and exactly the
 * country's length in letters and digits ending at a group boundary, passing MOD 97-10.
 * {@link Confidence#MEDIUM}, or {@link Confidence#HIGH} with a banking keyword nearby ("IBAN",
 * "account", "bank", "BIC"...). Not inside URLs.
 */
final class IbanDetector implements SensitiveInformationDetector {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])([A-Za-z]{2})(\\d{2})((?: ?[A-Za-z0-9]){10,30})");
    private static final Keywords KEYWORDS = Keywords.of("iban", "bic", "swift", "bank", "account", "acct", "sepa",
            "transfer", "wire", "konto", "kontonummer", "compte", "rib", "cuenta");

    @Override
    public List<Detection> detect(ScanText text) {
        List<Detection> found = new ArrayList<>();
        CharSequence chars = text.text();
        Matcher matcher = CANDIDATE.matcher(chars);
        int from = 0;
        while (from < chars.length() && matcher.find(from)) {
            from = matcher.start() + 1;
            OptionalInt length = IbanRegistry.length(matcher.group(1).toUpperCase(Locale.ROOT));
            if (length.isEmpty()) {
                continue;
            }
            int end = cut(chars, matcher.start(3), matcher.end(3), length.getAsInt() - 4);
            if (end < 0 || text.inUrl(matcher.start(), end)) {
                continue;
            }
            String iban = chars.subSequence(matcher.start(), end).toString().replace(" ", "").toUpperCase(Locale.ROOT);
            if (!Mod97Checksum.valid(iban)) {
                continue;
            }
            boolean keyword = KEYWORDS.near(text, matcher.start(), end);
            found.add(new Detection(SensitiveType.IBAN, keyword ? Confidence.HIGH : Confidence.MEDIUM));
            from = end;
        }
        return found;
    }

    /**
     * @return the end index after exactly {@code needed} letters or digits from {@code start}, if that end is a
     *     group boundary (end of the candidate, a blank, or a non-alphanumeric character); otherwise -1
     */
    private static int cut(CharSequence chars, int start, int end, int needed) {
        int count = 0;
        int index = start;
        while (index < end && count < needed) {
            if (chars.charAt(index) != ' ') {
                count++;
            }
            index++;
        }
        if (count < needed) {
            return -1;
        }
        if (index < chars.length() && Character.isLetterOrDigit(chars.charAt(index))) {
            return -1;
        }
        return index;
    }
}
