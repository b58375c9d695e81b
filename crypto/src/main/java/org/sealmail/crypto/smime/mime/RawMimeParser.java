package org.sealmail.crypto.smime.mime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Splits raw message or entity bytes held in memory into header fields and body without
 * changing a byte (RFC 5322 §2.1, RFC 2045); {@link RawMimeHeaders#read} reads the same fields
 * from a stream. Line ends may be CRLF, LF or CR alone; folded fields (RFC 5322
 * §2.2.3) are unfolded in {@link HeaderField#value()} but kept as received in
 * {@link HeaderField#raw()}.
 */
public final class RawMimeParser {

    private RawMimeParser() {
    }

    /**
     * Parses a whole message: the input must start with header fields (an mbox "From " line
     * before them is skipped).
     *
     * @param message the message bytes as received
     * @return the top-level entity
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the input is empty or
     *     does not start with an RFC 5322 header field
     */
    public static RawMimeEntity parseMessage(byte[] message) {
        if (message.length == 0) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty input: no message to read");
        }
        int start = 0;
        if (startsWith(message, 0, "From ")) {
            start = nextLine(message, 0);
        }
        byte[] source = start == 0 ? message : Arrays.copyOfRange(message, start, message.length);
        RawMimeEntity entity = parse(source, true);
        if (entity.headers().isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "not an RFC 5322 message: no header field found");
        }
        return entity;
    }

    /**
     * Parses a body part of a multipart (RFC 2046 §5.1.1): header fields are optional; a part
     * whose first line is not a header field is taken as a body without header fields.
     *
     * @param part the part bytes, as split by {@link MultipartBody#split}
     * @return the entity
     */
    public static RawMimeEntity parseEntity(byte[] part) {
        return parse(part, false);
    }

    private static RawMimeEntity parse(byte[] source, boolean strict) {
        List<HeaderField> headers = new ArrayList<>();
        int position = 0;
        int lineNumber = 1;
        while (position < source.length) {
            int lineEnd = lineContentEnd(source, position);
            if (lineEnd == position) {
                // blank line: end of the header section
                return new RawMimeEntity(source, headers, nextLine(source, position));
            }
            if (HeaderField.nameEnd(source, position, lineEnd) < 0) {
                if (strict && headers.isEmpty()) {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                            "not an RFC 5322 message: line " + lineNumber + " is not a header field (\"Name: value\")");
                }
                // no blank line before the body, or a part without header fields (RFC 2046 §5.1.1):
                // the body starts at this line
                return new RawMimeEntity(source, headers, position);
            }
            int fieldStart = position;
            position = nextLine(source, position);
            lineNumber++;
            while (position < source.length && (source[position] == ' ' || source[position] == '\t')) {
                position = nextLine(source, position);
                lineNumber++;
            }
            headers.add(HeaderField.fromRaw(Arrays.copyOfRange(source, fieldStart, position)));
        }
        return new RawMimeEntity(source, headers, source.length);
    }

    /** @return the index of the first line-break byte at or after {@code position}, or the end */
    static int lineContentEnd(byte[] source, int position) {
        int i = position;
        while (i < source.length && source[i] != '\r' && source[i] != '\n') {
            i++;
        }
        return i;
    }

    /** @return the index just after the line break that ends the line starting at or containing position */
    static int nextLine(byte[] source, int position) {
        int i = lineContentEnd(source, position);
        if (i < source.length && source[i] == '\r') {
            i++;
            if (i < source.length && source[i] == '\n') {
                i++;
            }
        } else if (i < source.length && source[i] == '\n') {
            i++;
        }
        return i;
    }

    static boolean startsWith(byte[] source, int position, String prefix) {
        if (position + prefix.length() > source.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (source[position + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
