package org.sealmail.app.cli;

/**
 * Makes text from messages and certificates safe to print on a terminal. Header fields,
 * certificate names and CMS structures are written by whoever sent the message: an escape
 * sequence in them could move the cursor and overwrite a printed verdict (a "status: NOT
 * trusted" line repainted as "VALID"), and Unicode bidirectional controls could reverse the
 * order in which an address is displayed (CVE-2021-42574, "Trojan Source").
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * @param text one line of output
     * @return the text with every control character (C0 including ESC, DEL, C1) and every
     *     bidirectional formatting character (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
     *     replaced by a visible {@code \xNN} or {@code \\uNNNN} escape; other characters unchanged
     */
    public static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = null;
            if (Character.isISOControl(c)) {
                escape = String.format("\\x%02x", (int) c);
            } else if (isBidiControl(c)) {
                escape = String.format("\\u%04x", (int) c);
            }
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Puts text from mail (subjects, names, folder names, parse warnings) on one terminal line:
     * control characters and bidirectional controls become spaces, runs of them one space.
     *
     * @param text any text, possibly {@code null}
     * @param maxChars the most characters kept; longer text ends with {@code "..."}
     * @return the text on one line, without control characters; {@code ""} for {@code null}
     */
    public static String oneLine(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), maxChars + 3));
        boolean lastWasReplaced = false;
        for (int i = 0; i < text.length() && line.length() < maxChars; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                if (!lastWasReplaced) {
                    line.append(' ');
                }
                lastWasReplaced = true;
            } else {
                line.append(c);
                lastWasReplaced = false;
            }
        }
        if (line.length() >= maxChars && text.length() > maxChars) {
            line.append("...");
        }
        return line.toString();
    }

    /** @return true for U+061C, U+200E/F, U+202A-U+202E and U+2066-U+2069 (Unicode UAX #9 explicit formatting) */
    private static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
