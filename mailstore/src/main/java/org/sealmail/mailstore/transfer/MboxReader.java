package org.sealmail.mailstore.transfer;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

/**
 * Reads the messages of an mbox file one at a time, as RFC 4155 describes it: each message begins
 * with a "From " line (not part of the message); the blank line before the next "From " line is
 * the separator and is dropped; lines of the form {@code >From }, {@code >>From }... lose one
 * {@code >} (mboxrd unquoting, which reads mboxo files the same way). LF and CRLF line ends are
 * kept as they are in the file. A file whose first line ends with a lone CR (classic Mac OS) is
 * read with CR as its line end throughout; otherwise a CR alone is an ordinary byte. A UTF-8 byte
 * order mark before the first line is skipped.
 */
public final class MboxReader implements Closeable {

    /**
     * One message of the file.
     *
     * @param offset where its "From " line starts in the file, in bytes
     * @param fromLine the "From " line, without its line end
     * @param raw the message bytes
     */
    public record Entry(long offset, String fromLine, byte[] raw) {
    }

    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long offset;
    private byte[] pendingFromLine;
    private long pendingOffset;
    private boolean started;
    private byte lineEnd = '\n';

    /**
     * @param in the mbox bytes (closed by {@link #close})
     * @param name the file's name, for error messages
     */
    public MboxReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** @return how many bytes have been consumed so far */
    public long bytesRead() {
        return offset;
    }

    /**
     * @return the next message, or {@code null} at the end of the file
     * @throws IOException if the file cannot be read
     * @throws StoreException MALFORMED_INPUT if the file does not begin with a "From " line
     */
    public Entry next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
            detectLineEnd();
            long firstOffset = offset;
            byte[] first = readLine();
            if (first == null) {
                return null;
            }
            if (!startsWithFrom(first)) {
                throw new StoreException(StoreFailure.MALFORMED_INPUT, name + " is not an mbox file: it does not begin with a"
                        + " 'From ' line (RFC 4155)");
            }
            pendingFromLine = first;
            pendingOffset = firstOffset;
        }
        if (pendingFromLine == null) {
            return null;
        }
        byte[] fromLine = pendingFromLine;
        long entryOffset = pendingOffset;
        pendingFromLine = null;
        ByteArrayOutputStream message = new ByteArrayOutputStream(8 * 1024);
        int lastLineStart = -1;
        int lastLineLength = 0;
        while (true) {
            long lineOffset = offset;
            byte[] line = readLine();
            if (line == null) {
                break;
            }
            if (startsWithFrom(line)) {
                pendingFromLine = line;
                pendingOffset = lineOffset;
                break;
            }
            lastLineStart = message.size();
            if (isQuotedFrom(line)) {
                message.write(line, 1, line.length - 1);
                lastLineLength = line.length - 1;
            } else {
                message.write(line, 0, line.length);
                lastLineLength = line.length;
            }
        }
        byte[] raw = message.toByteArray();
        if (lastLineStart >= 0 && isBlankLine(raw, lastLineStart, lastLineLength)) {
            raw = Arrays.copyOf(raw, lastLineStart);
        }
        return new Entry(entryOffset, lineText(fromLine), raw);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean isBlankLine(byte[] raw, int start, int length) {
        return length == 1 && raw[start] == lineEnd || length == 2 && raw[start] == '\r' && raw[start + 1] == '\n';
    }

    /** Takes CR as the line end if the first line ends with a CR that no LF follows. */
    private void detectLineEnd() throws IOException {
        if (!fill()) {
            return;
        }
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return;
            }
            if (buffer[i] == '\r') {
                if (i + 1 < limit && buffer[i + 1] != '\n') {
                    lineEnd = '\r';
                }
                return;
            }
        }
    }

    private static boolean startsWithFrom(byte[] line) {
        if (line.length < FROM.length) {
            return false;
        }
        for (int i = 0; i < FROM.length; i++) {
            if (line[i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return true for {@code >+From } */
    private static boolean isQuotedFrom(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        if (i == 0 || line.length - i < FROM.length) {
            return false;
        }
        for (int j = 0; j < FROM.length; j++) {
            if (line[i + j] != FROM[j]) {
                return false;
            }
        }
        return true;
    }

    private static String lineText(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    private void skipByteOrderMark() throws IOException {
        if (!fill()) {
            return;
        }
        while (limit - position < BOM.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        if (limit - position >= BOM.length && buffer[position] == BOM[0] && buffer[position + 1] == BOM[1]
                && buffer[position + 2] == BOM[2]) {
            position += BOM.length;
            offset += BOM.length;
        }
    }

    /** @return the next line with its line end, or {@code null} at the end */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (!fill()) {
                return line == null ? null : line.toByteArray();
            }
            int end = position;
            while (end < limit && buffer[end] != lineEnd) {
                end++;
            }
            boolean complete = end < limit;
            int length = (complete ? end + 1 : end) - position;
            if (line == null && complete) {
                byte[] result = Arrays.copyOfRange(buffer, position, position + length);
                position += length;
                offset += length;
                return result;
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(256, length * 2));
            }
            line.write(buffer, position, length);
            position += length;
            offset += length;
            if (complete) {
                return line.toByteArray();
            }
        }
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        position = 0;
        limit = 0;
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
