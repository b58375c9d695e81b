package org.sealmail.crypto.smime.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} value (RFC 2045 §5.1): media type, subtype and parameters.
 * Type, subtype and parameter names are lower-cased; parameter values keep their case, with
 * quoted-string quoting removed. RFC 2231 continuations ({@code name*0=}) are joined.
 *
 * @param type the top-level media type, e.g. "multipart"
 * @param subtype the subtype, e.g. "signed"
 * @param parameters parameters by lower-case name, in order of appearance
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

    /** The default of RFC 2045 §5.2 for an entity without a Content-Type field. */
    public static final ContentType DEFAULT = new ContentType("text", "plain", Map.of("charset", "us-ascii"));

    /** Copies the parameter map. */
    public ContentType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** @return "type/subtype" in lower case */
    public String mediaType() {
        return type + "/" + subtype;
    }

    /**
     * @param mediaTypes media types such as "multipart/signed"
     * @return true if this is one of them
     */
    public boolean is(String... mediaTypes) {
        String own = mediaType();
        for (String candidate : mediaTypes) {
            if (own.equalsIgnoreCase(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** @return true for any {@code multipart/*} type */
    public boolean isMultipart() {
        return "multipart".equals(type);
    }

    /**
     * @param name a parameter name, case-insensitive
     * @return its value, if present
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Parses a Content-Type value. Tolerates comments, white space around tokens, unquoted
     * values with characters outside the token set, and a missing subtype for "text".
     *
     * @param value the unfolded header value
     * @return the content type; {@link #DEFAULT} when the value has no type/subtype
     *     (RFC 2045 §5.2: an unrecognisable Content-Type is treated as text/plain)
     */
    public static ContentType parse(String value) {
        String text = stripComments(value).trim();
        int semicolon = indexOutsideQuotes(text, ';', 0);
        String mediaType = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || slash == mediaType.length() - 1) {
            return DEFAULT;
        }
        String type = mediaType.substring(0, slash).trim();
        String subtype = mediaType.substring(slash + 1).trim();
        if (type.isEmpty() || subtype.isEmpty() || type.contains(" ") || subtype.contains(" ")) {
            return DEFAULT;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, StringBuilder> continued = new LinkedHashMap<>();
        int position = semicolon;
        while (position >= 0 && position < text.length()) {
            int next = indexOutsideQuotes(text, ';', position + 1);
            String parameter = (next < 0 ? text.substring(position + 1) : text.substring(position + 1, next)).trim();
            position = next;
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String raw = parameter.substring(equals + 1).trim();
            String parameterValue = unquote(raw);
            int star = name.indexOf('*');
            if (star > 0) {
                // RFC 2231: name*0=..., name*1=...; charset'lang' prefixes are kept as written
                String base = name.substring(0, star);
                continued.computeIfAbsent(base, k -> new StringBuilder()).append(parameterValue);
            } else if (!parameters.containsKey(name)) {
                parameters.put(name, parameterValue);
            }
        }
        continued.forEach((name, joined) -> parameters.putIfAbsent(name, joined.toString()));
        return new ContentType(type, subtype, parameters);
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '"') {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    out.append(raw.charAt(++i));
                } else if (c == '"') {
                    break;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        return raw;
    }

    private static int indexOutsideQuotes(String text, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String stripComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                out.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    out.append(value.charAt(++i));
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the value as written in a header: {@code type/subtype; name="value"...} */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(mediaType());
        parameters.forEach((name, value) -> out.append("; ").append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return out.toString();
    }
}
