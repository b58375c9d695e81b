package org.sealmail.policy.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.policy.regex.Deadline;
import org.sealmail.policy.regex.DeadlineCharSequence;

/**
 * A text prepared for the detectors: read through a {@link DeadlineCharSequence}, with the
 * spans of URLs ({@code scheme://...} and {@code www....}) precomputed, since numbers and
 * addresses inside URLs (order links, tracking pages, session ids) are not reported.
 */
final class ScanText {

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]{1,15}://|www\\.)[^\\s<>\"'()\\[\\]{}]+");

    private final String plain;
    private final CharSequence text;
    private final List<int[]> urls = new ArrayList<>();

    ScanText(String text, Deadline deadline) {
        this.plain = text;
        this.text = new DeadlineCharSequence(text, deadline);
        Matcher matcher = URL.matcher(this.text);
        while (matcher.find()) {
            urls.add(new int[] {matcher.start(), matcher.end()});
        }
    }

    /** @return the deadline-checked text to match on */
    CharSequence text() {
        return text;
    }

    /**
     * @param start the start of a match (inclusive)
     * @param end its end (exclusive)
     * @return true if the match overlaps a URL
     */
    boolean inUrl(int start, int end) {
        for (int[] url : urls) {
            if (start < url[1] && end > url[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param start the start of a match
     * @param end its end
     * @param radius how many characters before and after to look at
     * @return the text around the match (the match itself excluded), for keyword checks
     */
    String around(int start, int end, int radius) {
        return plain.substring(Math.max(0, start - radius), start) + " \u0000 "
                + plain.substring(end, Math.min(plain.length(), end + radius));
    }
}
