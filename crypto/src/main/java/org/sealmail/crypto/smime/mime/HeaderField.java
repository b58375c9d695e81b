package org.sealmail.crypto.smime.mime;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;

/**
 * One header field of a MIME entity as it appears on the wire (RFC 5322 §2.2): its name, its
 * exact raw bytes (name, colon, value and any folded continuation lines, including the final
 * line break) and its unfolded value.
 *
 * @param name the field name as written (case preserved)
 * @param raw the exact bytes of the field including its line break(s)
 * @param value the unfolded value (line breaks of folding removed, leading and trailing white
 *     space trimmed), decoded as UTF-8 when valid, otherwise as ISO-8859-1
 */
public record HeaderField(String name, byte[] raw, String value) {

    /** Checks the mandatory fields. */
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param fieldName a field name, compared case-insensitively
     * @return true if this field has that name
     */
    public boolean is(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }

    /** @return true for the MIME entity fields ({@code Content-*}, RFC 2045 §9) */
    public boolean isContentField() {
        return name.toLowerCase(Locale.ROOT).startsWith("content-");
    }

    /** @return true for the fields that describe a MIME entity: {@code Content-*} and {@code MIME-Version} */
    public boolean isMimeField() {
        return isContentField() || is("MIME-Version");
    }

    /** @return a copy of the raw bytes */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * Builds a new field written as {@code Name: value} followed by CRLF.
     *
     * @param name the field name
     * @param value the value, US-ASCII (already encoded and folded if needed)
     * @return the field
     */
    public static HeaderField of(String name, String value) {
        byte[] raw = (name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new HeaderField(name, raw, value);
    }

    /**
     * Makes a field from its exact bytes as received: the name before the first colon, the value
     * after it unfolded (the line breaks of folding removed, RFC 5322 §2.2.3) and trimmed.
     *
     * @param raw the field's first line and its continuation lines, with their line breaks; the
     *     first line must hold a colon after the name (see {@link #nameEnd})
     * @return the field
     */
    static HeaderField fromRaw(byte[] raw) {
        int colon = 0;
        while (raw[colon] != ':') {
            colon++;
        }
        String name = new String(raw, 0, colon, StandardCharsets.ISO_8859_1).trim();
        java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream(raw.length - colon);
        for (int i = colon + 1; i < raw.length; i++) {
            if (raw[i] != '\r' && raw[i] != '\n') {
                value.write(raw[i]);
            }
        }
        return new HeaderField(name, raw, decode(value.toByteArray()).trim());
    }

    /**
     * Whether a line starts a header field (RFC 5322 §2.2, §3.6.8): a name of printable US-ASCII
     * characters other than the colon, optional white space, then a colon.
     *
     * @param line the bytes holding the line
     * @param start the line's first byte
     * @param end the index after the line's last byte (before its line break)
     * @return the index of the colon that ends the name, or -1 when the line is no field
     */
    static int nameEnd(byte[] line, int start, int end) {
        int i = start;
        while (i < end && line[i] > 32 && line[i] < 127 && line[i] != ':') {
            i++;
        }
        if (i == start) {
            return -1;
        }
        int nameEnd = i;
        while (i < end && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i < end && line[i] == ':' && nameEnd > start ? i : -1;
    }

    /**
     * Decodes header bytes as UTF-8 when they are valid UTF-8 (RFC 6532), otherwise as
     * ISO-8859-1 so that no byte is lost.
     *
     * @param bytes raw header bytes
     * @return the text
     */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
