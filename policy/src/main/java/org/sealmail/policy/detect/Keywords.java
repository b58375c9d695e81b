package org.sealmail.policy.detect;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of words whose presence near a match changes its confidence ("card", "IBAN", "SSN"...):
 * case-insensitive, whole words only, within {@value #RADIUS} characters before or after.
 */
final class Keywords {

    /** How far from a match a keyword counts, in characters. */
    static final int RADIUS = 60;

    private final Pattern pattern;

    private Keywords(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @return keywords matching any of the words or phrases (blanks match any run of blanks) */
    static Keywords of(String... words) {
        String alternatives = List.of(words).stream()
                .map(word -> Pattern.quote(word).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        return new Keywords(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** @return true if a keyword is within {@link #RADIUS} characters of the match */
    boolean near(ScanText text, int start, int end) {
        return pattern.matcher(text.around(start, end, RADIUS)).find();
    }
}
