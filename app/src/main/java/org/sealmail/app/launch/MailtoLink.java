package org.sealmail.app.launch;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code mailto:} link (RFC 6068) as the desktop hands it to Sealmail when it is the mail handler:
 * the recipients and the {@code subject}, {@code body}, {@code cc} and {@code bcc} header fields.
 * Other header fields (RFC 6068 §3 lets links carry any) are ignored: a link must not set
 * {@code From} or protection.
 *
 * @param to To addresses (bare addr-specs)
 * @param cc Cc addresses
 * @param bcc Bcc addresses
 * @param subject the subject, empty when none
 * @param body the body text, empty when none
 */
public record MailtoLink(List<String> to, List<String> cc, List<String> bcc, String subject, String body) {

    /** Copies the lists and rejects nulls. */
    public MailtoLink {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param candidate a command-line argument
     * @return whether it is a {@code mailto:} URI (scheme compared without case, RFC 3986 §3.1)
     */
    public static boolean isMailto(String candidate) {
        return candidate != null && candidate.regionMatches(true, 0, "mailto:", 0, 7);
    }

    /**
     * Parses a {@code mailto:} URI (RFC 6068 §2): {@code mailto:to1,to2?subject=...&body=...},
     * percent-encoded UTF-8 (§5).
     *
     * @param uri the link
     * @return its parts
     * @throws IllegalArgumentException if it is not a mailto: URI or a percent escape is malformed
     */
    public static MailtoLink parse(String uri) {
        if (!isMailto(uri)) {
            throw new IllegalArgumentException("not a mailto: link: " + uri);
        }
        String rest = uri.substring(7);
        int question = rest.indexOf('?');
        List<String> to = new ArrayList<>(addresses(question < 0 ? rest : rest.substring(0, question)));
        List<String> cc = new ArrayList<>();
        List<String> bcc = new ArrayList<>();
        String subject = "";
        String body = "";
        if (question >= 0) {
            for (String field : rest.substring(question + 1).split("&")) {
                if (field.isEmpty()) {
                    continue;
                }
                int equals = field.indexOf('=');
                String name = decode(equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : field.substring(equals + 1);
                switch (name) {
                    case "to" -> to.addAll(addresses(value));
                    case "cc" -> cc.addAll(addresses(value));
                    case "bcc" -> bcc.addAll(addresses(value));
                    case "subject" -> subject = decode(value);
                    case "body" -> body = decode(value);
                    default -> {
                        // other header fields are not taken from a link
                    }
                }
            }
        }
        return new MailtoLink(to, cc, bcc, subject, body);
    }

    private static List<String> addresses(String encoded) {
        List<String> result = new ArrayList<>();
        for (String address : decode(encoded).split(",")) {
            if (!address.isBlank()) {
                result.add(address.trim());
            }
        }
        return result;
    }

    /** Percent-decodes UTF-8 (RFC 3986 §2.1); '+' stays '+' (RFC 6068 §5: it is not a space). */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("mailto: link: '" + text.substring(i)
                            + "' is not a percent escape (% and two hex digits, RFC 3986 \u00a72.1)");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("mailto: link: '" + text.substring(i, i + 3)
                            + "' is not a percent escape (% and two hex digits, RFC 3986 \u00a72.1)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
