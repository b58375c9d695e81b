package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The header block of a raw RFC 5322 message or MIME entity (RFC 2045 §3): its
 * {@link HeaderField}s in order. {@link #read} takes it from a stream byte by byte, so that the
 * stream is left exactly at the first byte of the body (for messages too large to hold);
 * {@link RawMimeParser} finds it in bytes held in memory. Field bytes are kept as they came
 * (folding included) so that headers can be copied unchanged; lines may end in CRLF or a bare
 * LF, and are written back with CRLF.
 */
public final class RawMimeHeaders {

    /** Largest header block accepted, in bytes: anything longer is not a mail message. */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private final List<HeaderField> fields;

    private RawMimeHeaders(List<HeaderField> fields) {
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
        List<HeaderField> fields = new ArrayList<>();
        ByteArrayOutputStream field = null;
        int total = 0;
        int lineNumber = 0;
        try {
            while (true) {
                byte[] line = LineEndings.readLine(in, MAX_HEADER_BYTES - total, () -> new CryptoException(
                        CryptoFailure.MALFORMED_INPUT, "not a MIME message: header block longer than " + MAX_HEADER_BYTES
                                + " bytes"));
                if (line == null) {
                    break;
                }
                lineNumber++;
                total += line.length;
                int end = LineEndings.contentEnd(line);
                if (end == 0) {
                    break;
                }
                if (line[0] == ' ' || line[0] == '\t') {
                    if (field == null) {
                        throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                                "not a MIME message: line 1 starts with white space, expected a header field");
                    }
                    field.write(line);
                    continue;
                }
                if (HeaderField.nameEnd(line, 0, end) < 0) {
                    throw notAField(line, end, lineNumber);
                }
                if (field != null) {
                    fields.add(HeaderField.fromRaw(field.toByteArray()));
                }
                field = new ByteArrayOutputStream(line.length);
                field.write(line);
            }
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read the message headers: " + e.getMessage(), e);
        }
        if (field != null) {
            fields.add(HeaderField.fromRaw(field.toByteArray()));
        }
        return new RawMimeHeaders(fields);
    }

    /** @param fields header fields in order */
    public static RawMimeHeaders of(List<HeaderField> fields) {
        return new RawMimeHeaders(fields);
    }

    private static CryptoException notAField(byte[] line, int end, int lineNumber) {
        String shown = new String(line, 0, Math.min(end, 40), StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
        return new CryptoException(CryptoFailure.MALFORMED_INPUT,
                "not a MIME message: line " + lineNumber + " is not a header field (\"" + shown + "\")");
    }

    /** @return the fields in order */
    public List<HeaderField> fields() {
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
        return fields.stream().filter(field -> field.is(name)).findFirst().map(HeaderField::value);
    }

    /**
     * @param name field name, any case
     * @return the unfolded values of every field of that name, in order
     */
    public List<String> values(String name) {
        return fields.stream().filter(field -> field.is(name)).map(HeaderField::value).toList();
    }

    /**
     * @param keep which fields to keep
     * @return a header block with only those fields, in the same order
     */
    public RawMimeHeaders filter(Predicate<HeaderField> keep) {
        return new RawMimeHeaders(fields.stream().filter(keep).toList());
    }

    /**
     * Writes the fields as received, each physical line ended by CRLF (RFC 5322 canonical form),
     * without the empty line that ends a header block.
     *
     * @param out the target
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        for (HeaderField field : fields) {
            byte[] raw = LineEndings.toCrlf(field.raw());
            out.write(raw);
            if (raw.length == 0 || raw[raw.length - 1] != '\n') {
                out.write('\r');
                out.write('\n');
            }
        }
    }
}
