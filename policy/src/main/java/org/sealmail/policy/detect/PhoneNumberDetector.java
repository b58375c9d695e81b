package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, one detection per distinct number (compared by digits):
 *
 * <ul>
 *   <li>North American (NANP): {@code (212) 555-0123}, {@code 212-555-0123}, {@code 212.555.0123},
 *       optionally with {@code +1} / {@code 1}; area code and exchange start with 2–9;</li>
 *   <li>international: {@code +} country code and groups, 8 to 15 digits in all (ITU-T E.164);</li>
 *   <li>national, with a trunk prefix 0 and at least two groups ({@code 030 901820}, {@code 01 42 68 53 00}),
 *       9 to 11 digits: ambiguous with reference numbers, so {@link Confidence#LOW} unless a phone keyword is
 *       near ({@link Confidence#MEDIUM}).</li>
 * </ul>
 * NANP and international numbers are {@link Confidence#MEDIUM}, or {@link Confidence#HIGH} with "phone",
 * "tel", "mobile"... nearby.
 * Dates, SSNs (3-2-4 digits) and undelimited digit runs do not match. Not inside URLs.
 */
final class PhoneNumberDetector implements SensitiveInformationDetector {

    private static final Pattern NANP = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?<!\\d[-. ])(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])"
                    + "[2-9]\\d{2}[ .-]\\d{4}(?![\\p{L}\\p{N}_])(?![-.]\\d)");
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])\\+[1-9]\\d{0,2}(?:[ .-]?(?:\\(\\d{1,5}\\)|\\d{1,5})){2,6}(?![\\p{L}\\p{N}_])(?![-.]\\d)");
    private static final Pattern NATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?<!\\d[-. /])0\\d{1,4}(?:[ /-]\\d{2,8}){1,4}(?![\\p{L}\\p{N}_])(?![-./]\\d)");
    private static final Keywords KEYWORDS = Keywords.of("phone", "phones", "tel", "telephone", "mobile", "cell", "fax",
            "call", "contact", "direct");

    @Override
    public List<Detection> detect(ScanText text) {
        Set<String> distinct = new HashSet<>();
        List<Detection> found = new ArrayList<>();
        collect(text, NANP, distinct, found, true);
        collect(text, INTERNATIONAL, distinct, found, false);
        Matcher national = NATIONAL.matcher(text.text());
        while (national.find()) {
            String digits = national.group().replaceAll("\\D", "");
            if (digits.length() >= 9 && digits.length() <= 11 && !text.inUrl(national.start(), national.end())
                    && distinct.add("0" + digits)) {
                boolean keyword = KEYWORDS.near(text, national.start(), national.end());
                found.add(new Detection(SensitiveType.PHONE_NUMBER_LIST, keyword ? Confidence.MEDIUM : Confidence.LOW));
            }
        }
        return found;
    }

    private static void collect(ScanText text, Pattern pattern, Set<String> distinct, List<Detection> found, boolean nanp) {
        Matcher matcher = pattern.matcher(text.text());
        while (matcher.find()) {
            if (text.inUrl(matcher.start(), matcher.end())) {
                continue;
            }
            String digits = matcher.group().replaceAll("\\D", "");
            if (nanp) {
                if (digits.length() == 10) {
                    digits = "1" + digits;
                }
            } else if (digits.length() < 8 || digits.length() > 15) {
                continue;
            }
            if (distinct.add(digits)) {
                boolean keyword = KEYWORDS.near(text, matcher.start(), matcher.end());
                found.add(new Detection(SensitiveType.PHONE_NUMBER_LIST, keyword ? Confidence.HIGH : Confidence.MEDIUM));
            }
        }
    }
}
