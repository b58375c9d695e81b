package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Content-Transfer-Encodings of RFC 2045 §6: decoding of base64 (strict: a wrong character or
 * a truncated final group is an error, not skipped), quoted-printable and the identity
 * encodings, and encoding to the two 7-bit-safe forms with CRLF line ends.
 */
public final class TransferEncodings {

    private static final int LINE_LENGTH = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private TransferEncodings() {
    }

    /**
     * Decodes a body.
     *
     * @param body the encoded bytes
     * @param encoding the Content-Transfer-Encoding value (case-insensitive)
     * @return the decoded bytes
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for invalid base64 or an
     *     unknown encoding
     */
    public static byte[] decode(byte[] body, String encoding) {
        String name = encoding == null ? "7bit" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> decodeBase64(body);
            case "quoted-printable" -> decodeQuotedPrintable(body);
            case "7bit", "8bit", "binary", "" -> body.clone();
            default -> throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "unknown Content-Transfer-Encoding \"" + encoding + "\" (RFC 2045 §6.1)");
        };
    }

    /**
     * Decodes base64 (RFC 2045 §6.8). Line breaks and white space are skipped; any other
     * character outside the alphabet, data after padding, or a final group of one character
     * is an error.
     *
     * @param body the encoded text
     * @return the decoded bytes
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} naming the line of the fault
     */
    public static byte[] decodeBase64(byte[] body) {
        ByteArrayOutputStream clean = new ByteArrayOutputStream(body.length);
        int line = 1;
        boolean padding = false;
        for (int i = 0; i < body.length; i++) {
            int c = body[i] & 0xff;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r' || c == ' ' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding = true;
                clean.write(c);
                continue;
            }
            if (!isBase64Alphabet(c)) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, String.format(Locale.ROOT,
                        "invalid base64: unexpected character 0x%02X at line %d of the encoded part", c, line));
            }
            if (padding) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                        "invalid base64: data after the '=' padding at line " + line + " of the encoded part");
            }
            clean.write(c);
        }
        byte[] text = clean.toByteArray();
        int dataLength = text.length;
        while (dataLength > 0 && text[dataLength - 1] == '=') {
            dataLength--;
        }
        if (dataLength % 4 == 1) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "invalid base64: truncated (the last group has a single character)");
        }
        try {
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(text, dataLength));
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "invalid base64: " + e.getMessage(), e);
        }
    }

    /**
     * @param c a byte (or an unsigned byte value)
     * @return true for the 64 characters of the base64 alphabet (RFC 2045 Table 1), not '='
     */
    public static boolean isBase64Alphabet(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /**
     * Decodes quoted-printable (RFC 2045 §6.7). Soft line breaks are removed, {@code =XX}
     * decoded, white space before a line break dropped; a malformed {@code =} sequence is kept
     * as written (the robustness rule of §6.7 note 1).
     *
     * @param body the encoded text
     * @return the decoded bytes
     */
    public static byte[] decodeQuotedPrintable(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int position = 0;
        while (position < body.length) {
            int contentEnd = RawMimeParser.lineContentEnd(body, position);
            int next = RawMimeParser.nextLine(body, position);
            int end = contentEnd;
            while (end > position && (body[end - 1] == ' ' || body[end - 1] == '\t')) {
                end--;
            }
            boolean soft = false;
            for (int i = position; i < end; i++) {
                byte b = body[i];
                if (b == '=') {
                    if (i == end - 1) {
                        soft = true;
                    } else if (i + 2 < end && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                        out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                        i += 2;
                    } else {
                        out.write(b);
                    }
                } else {
                    out.write(b);
                }
            }
            if (next > contentEnd && !soft) {
                out.write('\r');
                out.write('\n');
            }
            position = next;
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    /**
     * Encodes bytes as base64 in lines of 76 characters ending in CRLF (RFC 2045 §6.8).
     *
     * @param data any bytes
     * @return the encoded body, ending with CRLF (empty for empty input)
     */
    public static byte[] encodeBase64(byte[] data) {
        String encoded = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / LINE_LENGTH * 2 + 2);
        for (int i = 0; i < encoded.length(); i += LINE_LENGTH) {
            out.append(encoded, i, Math.min(encoded.length(), i + LINE_LENGTH)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Encodes text as quoted-printable (RFC 2045 §6.7) in lines of at most 76 characters. Line
     * breaks (CRLF, LF or CR) stay hard line breaks written as CRLF; white space at the end of
     * a line, '=', bytes outside printable US-ASCII, and a leading "From " or "." of a line are
     * encoded, so that no relay can alter the text (RFC 8551 §3.1.3 guidance).
     *
     * @param text the text bytes, in any charset
     * @return the encoded body with CRLF line ends
     */
    public static byte[] encodeQuotedPrintable(byte[] text) {
        byte[] canonical = LineEndings.toCrlf(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(canonical.length + canonical.length / 8 + 8);
        int position = 0;
        while (position < canonical.length) {
            int contentEnd = RawMimeParser.lineContentEnd(canonical, position);
            encodeLine(canonical, position, contentEnd, out);
            if (contentEnd < canonical.length) {
                out.write('\r');
                out.write('\n');
            }
            position = RawMimeParser.nextLine(canonical, position);
        }
        return out.toByteArray();
    }

    private static void encodeLine(byte[] text, int start, int end, ByteArrayOutputStream out) {
        int column = 0;
        for (int i = start; i < end; i++) {
            int b = text[i] & 0xff;
            boolean last = i == end - 1;
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
            if (i == start && (b == '.' || (b == 'F' && RawMimeParser.startsWith(text, i, "From ")))) {
                literal = false;
            }
            int width = literal ? 1 : 3;
            if (column + width > LINE_LENGTH - 1) {
                out.write('=');
                out.write('\r');
                out.write('\n');
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0x0f]);
            }
            column += width;
        }
    }
}
