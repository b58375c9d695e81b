package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The header block of a raw RFC 5322 message or MIME entity (RFC 2045 §3), read from a stream
 * byte by byte so that the stream is left exactly at the first byte of the body. Field bytes are
 * kept as they came (folding included) so that headers can be copied unchanged; lines may end in
 * CRLF or a bare LF, and are written back with CRLF.
 */
public final class RawMimeHeaders {

    /** Largest header block accepted, in bytes: anything longer is not a mail message. */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    /**
     * One header field.
     *
     * @param name the field name as written (compare case-insensitively)
     * @param lines the field's physical lines without their line ends: the first is
     *     {@code Name: value}, the others are folded continuations starting with white space
     */
    public record Field(String name, List<byte[]> lines) {

        /** Copies the line list. */
        public Field {
            lines = List.copyOf(lines);
        }

        /**
         * @return the unfolded value after the colon, leading white space removed, decoded as UTF-8
         *     (RFC 6532 allows UTF-8 in header values; ASCII is a subset)
         */
        public String value() {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = new String(lines.get(i), StandardCharsets.UTF_8);
                value.append(i == 0 ? line.substring(line.indexOf(':') + 1) : line);
            }
            return value.toString().strip();
        }

        /** @return true if the name equals {@code other}, ignoring case */
        public boolean named(String other) {
            return name.equalsIgnoreCase(other);
        }

        /** @return true for the fields that describe a MIME entity: {@code Content-*} and {@code MIME-Version} */
        public boolean isMimeField() {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("content-") || lower.equals("mime-version");
        }
    }

    private final List<Field> fields;

    private RawMimeHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * Reads the header block and the empty line that ends it. At the end of the input the block
     * ends too (a message without body). The stream should be buffered: it is read one byte at
     * a time so that nothing of the body is consumed.
     *
     * @param in the message, positioned at its first byte
     * @return the header fields in order; empty if the input starts with an empty line
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if a line is not a header field
     *     (names its line number), or the block exceeds {@link #MAX_HEADER_BYTES};
     *     {@link CryptoFailure#IO} if the stream fails
     */
    public static RawMimeHeaders read(InputStream in) {
        List<Field> fields = new ArrayList<>();
        String name = null;
        List<byte[]> lines = new ArrayList<>();
        int total = 0;
        int lineNumber = 0;
        try {
            while (true) {
                byte[] line = readLine(in, MAX_HEADER_BYTES - total);
                if (line == null) {
                    break;
                }
                lineNumber++;
                total += line.length + 2;
                if (line.length == 0) {
                    break;
                }
                if (line[0] == ' ' || line[0] == '\t') {
                    if (name == null) {
                        throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                                "not a MIME message: line 1 starts with white space, expected a header field");
                    }
                    lines.add(line);
                    continue;
                }
                if (name != null) {
                    fields.add(new Field(name, lines));
                }
                name = fieldName(line, lineNumber);
                lines = new ArrayList<>();
                lines.add(line);
            }
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read the message headers: " + e.getMessage(), e);
        }
        if (name != null) {
            fields.add(new Field(name, lines));
        }
        return new RawMimeHeaders(fields);
    }

    /** @param fields header fields in order */
    public static RawMimeHeaders of(List<Field> fields) {
        return new RawMimeHeaders(fields);
    }

    /**
     * Makes a field from a name and an unfolded value (the caller keeps lines under 998 bytes).
     *
     * @param name field name
     * @param value field value, ASCII
     * @return the field
     */
    public static Field field(String name, String value) {
        return new Field(name, List.of((name + ": " + value).getBytes(StandardCharsets.UTF_8)));
    }

    private static String fieldName(byte[] line, int lineNumber) {
        for (int i = 0; i < line.length; i++) {
            int c = line[i] & 0xff;
            if (c == ':') {
                if (i == 0) {
                    break;
                }
                return new String(line, 0, i, StandardCharsets.US_ASCII).stripTrailing();
            }
            // RFC 5322 §3.6.8: printable US-ASCII except colon; tolerate white space before the colon
            if ((c < 33 || c > 126) && c != ' ' && c != '\t') {
                break;
            }
        }
        String shown = new String(line, 0, Math.min(line.length, 40), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?");
        throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                "not a MIME message: line " + lineNumber + " is not a header field (\"" + shown + "\")");
    }

    /** @return the line without CR LF / LF, or null at end of input before any byte */
    private static byte[] readLine(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.size() >= limit) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                        "not a MIME message: header block longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(c);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    /** @return the fields in order */
    public List<Field> fields() {
        return fields;
    }

    /** @return true if there are no fields */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * @param name field name, any case
     * @return the unfolded value of the first field of that name
     */
    public Optional<String> value(String name) {
        return fields.stream().filter(field -> field.named(name)).findFirst().map(Field::value);
    }

    /**
     * @param name field name, any case
     * @return the unfolded values of every field of that name, in order
     */
    public List<String> values(String name) {
        return fields.stream().filter(field -> field.named(name)).map(Field::value).toList();
    }

    /**
     * @param keep which fields to keep
     * @return a header block with only those fields, in the same order
     */
    public RawMimeHeaders filter(Predicate<Field> keep) {
        return new RawMimeHeaders(fields.stream().filter(keep).toList());
    }

    /**
     * Writes the fields, each physical line ended by CRLF (RFC 5322 canonical form), without the
     * empty line that ends a header block.
     *
     * @param out the target
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        for (Field field : fields) {
            for (byte[] line : field.lines()) {
                out.write(line);
                out.write('\r');
                out.write('\n');
            }
        }
    }
}
