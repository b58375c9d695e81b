package org.sealmail.crypto.smime.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes base64 content (RFC 2045 §6.8) while reading it, a block at a time. Line breaks and
 * other characters outside the base64 alphabet are skipped, as RFC 2045 asks. Stricter than
 * {@link Base64#getMimeDecoder()} where it matters for mail: input that ends in the middle of
 * a 4-character group, or data after the {@code =} padding, is an error, so that a truncated
 * message is reported instead of silently shortened.
 */
public final class Base64DecodingInputStream extends InputStream {

    private static final int BLOCK = 48 * 1024;

    private final InputStream in;
    private final byte[] raw = new byte[BLOCK];
    private final byte[] clean = new byte[BLOCK + 4];
    private int cleanLength;
    private byte[] decoded = new byte[0];
    private int position;
    private boolean padded;
    private boolean ended;

    /** @param in the base64 text */
    public Base64DecodingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        while (position >= decoded.length) {
            if (!fill()) {
                return -1;
            }
        }
        return decoded[position++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= decoded.length) {
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, decoded.length - position);
        System.arraycopy(decoded, position, bytes, offset, count);
        position += count;
        return count;
    }

    /** @return false at the end of the content */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = in.read(raw, 0, BLOCK);
        if (read < 0) {
            ended = true;
            if (cleanLength % 4 != 0) {
                throw new IOException("base64 content ends in the middle of a 4-character group (" + cleanLength % 4
                        + " characters left over): the message is truncated");
            }
            return decode(cleanLength);
        }
        for (int i = 0; i < read; i++) {
            byte c = raw[i];
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (alphabet) {
                if (padded) {
                    throw new IOException("base64 data after the '=' padding");
                }
                clean[cleanLength++] = c;
            } else if (c == '=') {
                padded = true;
                clean[cleanLength++] = c;
            }
        }
        return decode(cleanLength - cleanLength % 4) || fill();
    }

    /** Decodes the first {@code count} clean characters (a multiple of 4) and keeps the rest. */
    private boolean decode(int count) throws IOException {
        if (count == 0) {
            decoded = new byte[0];
            position = 0;
            return false;
        }
        try {
            decoded = Base64.getDecoder().decode(Arrays.copyOf(clean, count));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid base64 content: " + e.getMessage(), e);
        }
        position = 0;
        System.arraycopy(clean, count, clean, 0, cleanLength - count);
        cleanLength -= count;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
