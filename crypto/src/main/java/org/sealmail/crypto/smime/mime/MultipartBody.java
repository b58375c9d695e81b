package org.sealmail.crypto.smime.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The body of a multipart entity split at its boundary delimiters (RFC 2046 §5.1.1) with every
 * byte kept: each part is exactly what lies between the line break after a delimiter line and
 * the line break before the next one (that line break belongs to the delimiter, so it is not
 * part of the body part). This is what RFC 1847 §2.1 and RFC 8551 §3.5 require of the first
 * part of a multipart/signed.
 *
 * @param preamble the bytes before the first delimiter (without the line break before it)
 * @param parts the body parts, in order
 * @param epilogue the bytes after the close delimiter line; empty when there is none
 * @param closed true if the close delimiter ({@code --boundary--}) was found
 */
public record MultipartBody(byte[] preamble, List<byte[]> parts, byte[] epilogue, boolean closed) {

    /** Copies the part list. */
    public MultipartBody {
        parts = List.copyOf(parts);
    }

    /** @return a copy of the preamble */
    @Override
    public byte[] preamble() {
        return preamble.clone();
    }

    /** @return a copy of the epilogue */
    @Override
    public byte[] epilogue() {
        return epilogue.clone();
    }

    /** @return the parts (each array a copy) */
    @Override
    public List<byte[]> parts() {
        return parts.stream().map(byte[]::clone).toList();
    }

    /**
     * Splits a multipart body.
     *
     * @param body the body bytes of the multipart entity, still as received
     * @param boundary the boundary parameter of its Content-Type
     * @return the preamble, parts and epilogue
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the boundary is empty or
     *     never occurs as a delimiter line
     */
    public static MultipartBody split(byte[] body, String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "multipart entity without a boundary parameter");
        }
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> delimiters = new ArrayList<>(); // {lineStart, lineBreakBefore, nextLineStart, isClose}
        int position = 0;
        while (position < body.length) {
            int contentEnd = RawMimeParser.lineContentEnd(body, position);
            int next = RawMimeParser.nextLine(body, position);
            int kind = delimiterKind(body, position, contentEnd, dashBoundary);
            if (kind > 0) {
                delimiters.add(new int[] {position, lineBreakStart(body, position), next, kind == 2 ? 1 : 0});
                if (kind == 2) {
                    break;
                }
            }
            position = next;
        }
        if (delimiters.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "multipart body has no boundary delimiter line \"--" + boundary + "\"");
        }
        byte[] preamble = Arrays.copyOfRange(body, 0, delimiters.get(0)[1]);
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i + 1 < delimiters.size(); i++) {
            int start = delimiters.get(i)[2];
            int end = Math.max(start, delimiters.get(i + 1)[1]);
            parts.add(Arrays.copyOfRange(body, start, end));
        }
        int[] last = delimiters.get(delimiters.size() - 1);
        boolean closed = last[3] == 1;
        byte[] epilogue;
        if (closed) {
            epilogue = Arrays.copyOfRange(body, last[2], body.length);
        } else {
            // no close delimiter: the last part runs to the end of the body
            parts.add(Arrays.copyOfRange(body, last[2], body.length));
            epilogue = new byte[0];
        }
        return new MultipartBody(preamble, parts, epilogue, closed);
    }

    /** @return 0 if not a delimiter line, 1 for a delimiter, 2 for the close delimiter */
    private static int delimiterKind(byte[] body, int start, int end, byte[] dashBoundary) {
        if (end - start < dashBoundary.length) {
            return 0;
        }
        for (int i = 0; i < dashBoundary.length; i++) {
            if (body[start + i] != dashBoundary[i]) {
                return 0;
            }
        }
        int i = start + dashBoundary.length;
        int kind = 1;
        if (i + 1 < end && body[i] == '-' && body[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        // only transport padding (linear white space) may follow (RFC 2046 §5.1.1)
        while (i < end) {
            if (body[i] != ' ' && body[i] != '\t') {
                return 0;
            }
            i++;
        }
        return kind;
    }

    /** @return the index of the line break that precedes the line starting at position (or position) */
    private static int lineBreakStart(byte[] body, int lineStart) {
        int i = lineStart;
        if (i > 0 && body[i - 1] == '\n') {
            i--;
            if (i > 0 && body[i - 1] == '\r') {
                i--;
            }
        } else if (i > 0 && body[i - 1] == '\r') {
            i--;
        }
        return i;
    }
}
