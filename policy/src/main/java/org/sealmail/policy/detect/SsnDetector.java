package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers: area-group-serial, {@code AAA-GG-SSSS}, excluding what the SSA
 * never issues: area 000, 666 and 900–999, group 00, serial 0000, and the numbers published as
 * examples (078-05-1120, 219-09-9999, 123-45-6789).
 *
 * <ul>
 *   <li>with dashes: {@link Confidence#MEDIUM}, {@link Confidence#HIGH} with "SSN" / "social security" nearby;</li>
 *   <li>with blanks: {@link Confidence#LOW}, {@link Confidence#MEDIUM} with a keyword;</li>
 *   <li>nine bare digits: reported only with a keyword nearby, {@link Confidence#MEDIUM}.</li>
 * </ul>
 * A phone keyword nearby ("phone", "tel", "fax"...) without an SSN keyword lowers any of these to
 * {@link Confidence#LOW}. Not inside URLs, not part of longer numbers.
 */
final class SsnDetector implements SensitiveInformationDetector {

    private static final Pattern FORMATTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?<![\\d][-. ])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\p{L}\\p{N}_])(?![-. ]\\d)");
    private static final Pattern BARE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+])(?<![\\d][-. ])(\\d{3})(\\d{2})(\\d{4})(?![\\p{L}\\p{N}_])(?![-. ]\\d)(?![.,]\\d)");
    private static final Keywords SSN_KEYWORDS = Keywords.of("ssn", "ssns", "ssn#", "ss#", "social security",
            "social security number", "soc sec", "ssa", "taxpayer id", "tin");
    private static final Keywords PHONE_KEYWORDS = Keywords.of("phone", "tel", "telephone", "fax", "mobile", "cell",
            "call", "ext");
    private static final Set<String> PUBLISHED_EXAMPLES = Set.of("078051120", "219099999", "123456789");

    @Override
    public List<Detection> detect(ScanText text) {
        List<Detection> found = new ArrayList<>();
        Matcher formatted = FORMATTED.matcher(text.text());
        while (formatted.find()) {
            boolean dashes = formatted.group(2).equals("-");
            add(text, formatted, formatted.group(1), formatted.group(3), formatted.group(4),
                    dashes ? Confidence.MEDIUM : Confidence.LOW, dashes ? Confidence.HIGH : Confidence.MEDIUM, found);
        }
        Matcher bare = BARE.matcher(text.text());
        while (bare.find()) {
            add(text, bare, bare.group(1), bare.group(2), bare.group(3), null, Confidence.MEDIUM, found);
        }
        return found;
    }

    private static void add(ScanText text, Matcher matcher, String area, String group, String serial, Confidence plain,
            Confidence withKeyword, List<Detection> found) {
        if (!issuable(area, group, serial) || text.inUrl(matcher.start(), matcher.end())) {
            return;
        }
        boolean keyword = SSN_KEYWORDS.near(text, matcher.start(), matcher.end());
        Confidence confidence = keyword ? withKeyword : plain;
        if (confidence == null) {
            return;
        }
        if (!keyword && PHONE_KEYWORDS.near(text, matcher.start(), matcher.end())) {
            confidence = Confidence.LOW;
        }
        found.add(new Detection(SensitiveType.US_SSN, confidence));
    }

    /** @return false for the area, group and serial values the SSA never assigns, and for published examples */
    static boolean issuable(String area, String group, String serial) {
        int areaNumber = Integer.parseInt(area);
        return areaNumber != 0 && areaNumber != 666 && areaNumber < 900 && !group.equals("00") && !serial.equals("0000")
                && !PUBLISHED_EXAMPLES.contains(area + group + serial);
    }
}
