package org.sealmail.mailstore.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's search text turned into an SQLite FTS5 query (https://sqlite.org/fts5.html §3). Every
 * term must match (AND). Terms are quoted, so punctuation in them (addresses, hyphens) is never
 * read as query syntax. Supported forms:
 * <ul>
 *   <li>{@code word} and {@code "a phrase"};</li>
 *   <li>{@code word*}: a prefix;</li>
 *   <li>{@code subject:word}, {@code from:word}, {@code to:word} (To and Cc), {@code body:word}:
 *       one column only; the value may be a quoted phrase or a prefix.</li>
 * </ul>
 *
 * @param fts5 the FTS5 MATCH expression
 */
public record SearchQuery(String fts5) {

    private static final Map<String, String> COLUMNS = Map.of("subject", "subject", "from", "sender", "to", "recipients",
            "body", "body");

    /**
     * @param text the user's search text
     * @return the query
     * @throws IllegalArgumentException if the text has no term
     */
    public static SearchQuery parse(String text) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            String column = null;
            int colon = fieldEnd(text, i);
            if (colon > 0) {
                column = COLUMNS.get(text.substring(i, colon).toLowerCase(Locale.ROOT));
                i = colon + 1;
            }
            String value;
            if (i < text.length() && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                value = text.substring(i + 1, end);
                i = close < 0 ? text.length() : close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(i, end);
                i = end;
            }
            boolean prefix = value.endsWith("*");
            if (prefix) {
                value = value.substring(0, value.length() - 1);
            }
            if (!value.isBlank()) {
                String term = "\"" + value.replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
                terms.add(column == null ? term : column + " : " + term);
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the search '" + text + "' has no word to look for");
        }
        return new SearchQuery(String.join(" AND ", terms));
    }

    /** @return the index of the colon of a known {@code field:} at {@code start}, or -1 */
    private static int fieldEnd(String text, int start) {
        int colon = text.indexOf(':', start);
        if (colon <= start) {
            return -1;
        }
        String field = text.substring(start, colon);
        return COLUMNS.containsKey(field.toLowerCase(Locale.ROOT)) ? colon : -1;
    }
}
