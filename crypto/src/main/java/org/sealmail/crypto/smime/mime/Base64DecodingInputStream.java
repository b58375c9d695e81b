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
 * message is reported instead of silently shortened. ({@link TransferEncodings#decodeBase64} is
 * the in-memory decoder for small parts, which also refuses characters outside the alphabet.)
 */
public final class Base64DecodingInputStream extends BlockInputStream {

    private static final int BLOCK = 48 * 1024;

    private final InputStream in;
    private final byte[] raw = new byte[BLOCK];
    private final byte[] clean = new byte[BLOCK + 4];
    private int cleanLength;
    private boolean padded;
    private boolean sourceEnded;

    /** @param in the base64 text */
    public Base64DecodingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    protected byte[] nextBlock() throws IOException {
        while (!sourceEnded) {
            int read = in.read(raw, 0, BLOCK);
            if (read < 0) {
                sourceEnded = true;
                if (cleanLength % 4 != 0) {
                    throw new IOException("base64 content ends in the middle of a 4-character group (" + cleanLength % 4
                            + " characters left over): the message is truncated");
                }
                break;
            }
            for (int i = 0; i < read; i++) {
                byte c = raw[i];
                if (TransferEncodings.isBase64Alphabet(c)) {
                    if (padded) {
                        throw new IOException("base64 data after the '=' padding");
                    }
                    clean[cleanLength++] = c;
                } else if (c == '=') {
                    padded = true;
                    clean[cleanLength++] = c;
                }
            }
            int whole = cleanLength - cleanLength % 4;
            if (whole > 0) {
                return decode(whole);
            }
        }
        return cleanLength > 0 ? decode(cleanLength) : null;
    }

    /** Decodes the first {@code count} clean characters (a multiple of 4) and keeps the rest. */
    private byte[] decode(int count) throws IOException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(Arrays.copyOf(clean, count));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid base64 content: " + e.getMessage(), e);
        }
        System.arraycopy(clean, count, clean, 0, cleanLength - count);
        cleanLength -= count;
        return decoded;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
