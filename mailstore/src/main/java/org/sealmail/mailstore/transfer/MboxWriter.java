package org.sealmail.mailstore.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes messages in mboxrd form (RFC 4155 and the mboxrd convention): a "From SENDER DATE" line
 * (date in C asctime form, UTC), the message with every line matching {@code >*From } given one
 * more {@code >}, then a blank line. {@link MboxReader} reads back the same bytes; a message that
 * does not end with a line break gets one (mbox cannot keep that difference).
 */
public final class MboxWriter implements Closeable {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final OutputStream out;

    /** @param out where to write (closed by {@link #close}) */
    public MboxWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * @param envelopeSender the sender for the From line (no spaces), e.g. the From address or
     *     {@code MAILER-DAEMON}
     * @param date the date for the From line (the internal date)
     * @param raw the message
     * @throws IOException if writing fails
     */
    public void write(String envelopeSender, Instant date, byte[] raw) throws IOException {
        String sender = envelopeSender == null || envelopeSender.isBlank() ? "MAILER-DAEMON"
                : envelopeSender.replaceAll("\\s", "");
        out.write(("From " + sender + " " + ASCTIME.format(date) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end < raw.length ? end + 1 : end;
            if (needsQuoting(raw, start, lineEnd)) {
                out.write('>');
            }
            out.write(raw, start, lineEnd - start);
            start = lineEnd;
        }
        boolean crlf = raw.length >= 2 && raw[raw.length - 2] == '\r' && raw[raw.length - 1] == '\n';
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            out.write('\n');
        }
        out.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static boolean needsQuoting(byte[] raw, int start, int end) {
        int i = start;
        while (i < end && raw[i] == '>') {
            i++;
        }
        return end - i >= 5 && raw[i] == 'F' && raw[i + 1] == 'r' && raw[i + 2] == 'o' && raw[i + 3] == 'm' && raw[i + 4] == ' ';
    }
}
