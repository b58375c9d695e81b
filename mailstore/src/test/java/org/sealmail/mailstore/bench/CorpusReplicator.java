package org.sealmail.mailstore.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes copy number N of a real message for the benchmark: every id in Message-ID, References and
 * In-Reply-To gets the prefix "rN." (so copies thread among themselves and are not duplicates);
 * a message without Message-ID gets one. Body bytes are untouched.
 */
final class CorpusReplicator {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");

    private CorpusReplicator() {
    }

    static byte[] copy(byte[] raw, int copy, int index) {
        if (copy == 0) {
            return raw;
        }
        int headerEnd = headerEnd(raw);
        String header = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1);
        StringBuilder rewritten = new StringBuilder(header.length() + 64);
        boolean inIdField = false;
        boolean hasMessageId = false;
        for (String line : header.split("(?<=\n)")) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation) {
                String lower = line.toLowerCase(Locale.ROOT);
                inIdField = lower.startsWith("message-id:") || lower.startsWith("references:") || lower.startsWith("in-reply-to:");
                hasMessageId |= lower.startsWith("message-id:");
            }
            if (!continuation && line.toLowerCase(Locale.ROOT).startsWith("message-id:") && !ID.matcher(line).find()) {
                // an id without angle brackets: replace it whole
                rewritten.append("Message-ID: <r").append(copy).append(".bench-").append(index).append("@sealmail.invalid>\n");
            } else if (inIdField) {
                Matcher matcher = ID.matcher(line);
                rewritten.append(matcher.replaceAll(m -> Matcher.quoteReplacement("<r" + copy + "." + m.group(1) + ">")));
            } else {
                rewritten.append(line);
            }
        }
        String prefix = hasMessageId ? "" : "Message-ID: <r" + copy + ".bench-" + index + "@sealmail.invalid>\n";
        byte[] head = (prefix + rewritten).getBytes(StandardCharsets.ISO_8859_1);
        byte[] result = new byte[head.length + raw.length - headerEnd];
        System.arraycopy(head, 0, result, 0, head.length);
        System.arraycopy(raw, headerEnd, result, head.length, raw.length - headerEnd);
        return result;
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return raw.length;
    }
}
