package org.sealmail.policy.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a rules file into tokens: words (anything up to a blank or a comma),
 * double-quoted strings ({@code \"} and {@code \\} escaped), commas, and regular expressions
 * written {@code /.../flags} (only right after the word {@code matches}; {@code \/} is a slash).
 * A {@code #} where a token starts begins a comment.
 */
final class RuleLineTokenizer {

    /** Token kinds. */
    enum Kind { WORD, STRING, REGEX, COMMA }

    /**
     * One token.
     *
     * @param kind its kind
     * @param value the word, the unescaped string, or the regular expression's source
     * @param flags a regular expression's flags (empty otherwise)
     */
    record Token(Kind kind, String value, String flags) {
        boolean isWord(String word) {
            return kind == Kind.WORD && value.equals(word);
        }

        /** @return the token as it would be written */
        String written() {
            return switch (kind) {
                case WORD -> value;
                case STRING -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case REGEX -> "/" + value.replace("/", "\\/") + "/" + flags;
                case COMMA -> ",";
            };
        }
    }

    /** A line that cannot be split. */
    static final class TokenizeException extends Exception {
        private static final long serialVersionUID = 1L;

        TokenizeException(String message) {
            super(message, null, false, false);
        }
    }

    private RuleLineTokenizer() {
    }

    /**
     * @param line one line
     * @return its tokens
     * @throws TokenizeException for an unterminated string or regular expression
     */
    static List<Token> tokenize(String line) throws TokenizeException {
        List<Token> tokens = new ArrayList<>();
        int index = 0;
        while (index < line.length()) {
            char c = line.charAt(index);
            if (Character.isWhitespace(c)) {
                index++;
            } else if (c == '#') {
                break;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", ""));
                index++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                index++;
                boolean closed = false;
                while (index < line.length()) {
                    char d = line.charAt(index++);
                    if (d == '\\' && index < line.length()) {
                        value.append(line.charAt(index++));
                    } else if (d == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(d);
                    }
                }
                if (!closed) {
                    throw new TokenizeException("unterminated string (a \" without its closing \")");
                }
                tokens.add(new Token(Kind.STRING, value.toString(), ""));
            } else if (c == '/' && !tokens.isEmpty() && tokens.get(tokens.size() - 1).isWord("matches")) {
                StringBuilder value = new StringBuilder();
                index++;
                boolean closed = false;
                while (index < line.length()) {
                    char d = line.charAt(index++);
                    if (d == '\\' && index < line.length() && line.charAt(index) == '/') {
                        value.append('/');
                        index++;
                    } else if (d == '\\' && index < line.length()) {
                        value.append(d).append(line.charAt(index++));
                    } else if (d == '/') {
                        closed = true;
                        break;
                    } else {
                        value.append(d);
                    }
                }
                if (!closed) {
                    throw new TokenizeException("unterminated regular expression (write it /.../ with flags after the closing /)");
                }
                int flagsStart = index;
                while (index < line.length() && Character.isLetter(line.charAt(index))) {
                    index++;
                }
                tokens.add(new Token(Kind.REGEX, value.toString(), line.substring(flagsStart, index)));
            } else {
                int start = index;
                while (index < line.length() && !Character.isWhitespace(line.charAt(index)) && line.charAt(index) != ','
                        && line.charAt(index) != '"') {
                    index++;
                }
                tokens.add(new Token(Kind.WORD, line.substring(start, index), ""));
            }
        }
        return tokens;
    }
}
