package org.sealmail.app.cli.store;

/**
 * Makes text from mail (subjects, names, folder names, parse warnings) safe to print on one
 * terminal line: control characters (C0, DEL, C1: ESC sequences that could clear the screen,
 * retitle the window or hide text) and Unicode bidirectional controls (which can reorder what is
 * shown, e.g. {@code "invoice\u202Etxt.exe"}) become spaces, runs of them one space.
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * @param text any text, possibly {@code null}
     * @param maxChars the most characters kept; longer text ends with {@code "..."}
     * @return the text on one line, without control characters; {@code ""} for {@code null}
     */
    static String oneLine(String text, int maxChars) {
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
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
