package org.sealmail.policy.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.policy.regex.Deadline;
import org.sealmail.policy.regex.DeadlineCharSequence;

/** Matching primitives shared by the conditions. */
final class Conditions {

    /** Matches counted per pattern and text at most; enough to compare with any sensible threshold. */
    static final int MAX_COUNTED_MATCHES = 10_000;

    private Conditions() {
    }

    /** @return the part after the last {@code @}, lower case */
    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return (at >= 0 ? address.substring(at + 1) : address).toLowerCase(Locale.ROOT);
    }

    /** @return true if the domain is {@code listed} or a subdomain of it */
    static boolean domainMatches(String domain, String listed) {
        return domain.equals(listed) || domain.endsWith("." + listed);
    }

    /**
     * @param glob a file name pattern: {@code *} any run of characters, {@code ?} one character
     * @return the pattern matching whole names, case-insensitively
     */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /**
     * @param keyword a word or phrase
     * @return a pattern for it as whole words, case-insensitive, any run of blanks between its words
     */
    static Pattern keyword(String keyword) {
        String[] words = keyword.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}_])");
        for (int index = 0; index < words.length; index++) {
            if (index > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[index]));
        }
        regex.append("(?![\\p{L}\\p{N}_])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * @return how many times the patterns match the texts in all, up to {@link #MAX_COUNTED_MATCHES} each
     * @throws org.sealmail.policy.regex.DeadlineExceededException if the deadline passes while matching
     */
    static int count(List<Pattern> patterns, List<String> texts, Deadline deadline) {
        int count = 0;
        for (String text : texts) {
            CharSequence guarded = new DeadlineCharSequence(text, deadline);
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(guarded);
                int found = 0;
                while (found < MAX_COUNTED_MATCHES && matcher.find()) {
                    found++;
                    if (matcher.end() == matcher.start() && matcher.end() >= text.length()) {
                        break;
                    }
                }
                count += found;
            }
        }
        return count;
    }

    /** @return "1 thing" or "N things" */
    static String plural(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
