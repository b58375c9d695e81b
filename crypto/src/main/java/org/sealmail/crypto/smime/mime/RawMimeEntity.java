package org.sealmail.crypto.smime.mime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MIME entity (RFC 2045 §2.4) or whole message (RFC 5322) held as the exact bytes it was
 * received in: its header fields, and where its body starts. Nothing is re-serialised, so a
 * signature can be checked over the bytes as sent.
 *
 * @param source the entity's bytes: header section, blank line, body
 * @param headers the header fields in order, each with its raw bytes
 * @param bodyOffset the index in {@code source} where the body starts (after the blank line);
 *     {@code source.length} when there is no body
 */
public record RawMimeEntity(byte[] source, List<HeaderField> headers, int bodyOffset) {

    /** Copies the header list and checks the offset. */
    public RawMimeEntity {
        headers = List.copyOf(headers);
        if (bodyOffset < 0 || bodyOffset > source.length) {
            throw new IllegalArgumentException("body offset " + bodyOffset + " outside 0.." + source.length);
        }
    }

    /** @return a copy of the whole entity as received */
    @Override
    public byte[] source() {
        return source.clone();
    }

    /** @return a copy of the body bytes (after the blank line), still transfer-encoded */
    public byte[] body() {
        return Arrays.copyOfRange(source, bodyOffset, source.length);
    }

    /**
     * @param name a field name, case-insensitive
     * @return the unfolded value of the first field with that name
     */
    public Optional<String> header(String name) {
        return RawMimeHeaders.of(headers).value(name);
    }

    /**
     * @param name a field name, case-insensitive
     * @return the unfolded values of every field with that name, in order
     */
    public List<String> headers(String name) {
        return RawMimeHeaders.of(headers).values(name);
    }

    /** @return the parsed Content-Type, or text/plain; charset=us-ascii when absent (RFC 2045 §5.2) */
    public ContentType contentType() {
        return header("Content-Type").map(ContentType::parse).orElse(ContentType.DEFAULT);
    }

    /** @return the Content-Transfer-Encoding in lower case, "7bit" when absent (RFC 2045 §6.1) */
    public String transferEncoding() {
        return header("Content-Transfer-Encoding").map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("7bit");
    }

    /** @return the body decoded from its Content-Transfer-Encoding (see {@link TransferEncodings#decode}) */
    public byte[] decodedBody() {
        return TransferEncodings.decode(body(), transferEncoding());
    }
}
