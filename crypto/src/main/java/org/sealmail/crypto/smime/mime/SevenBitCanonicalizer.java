package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * Prepares a MIME entity for signing (RFC 8551 §3.1): every line end becomes CRLF and every
 * leaf part that relays could alter is given a 7-bit-safe transfer encoding, so that the bytes
 * signed are the bytes that arrive. A text part is re-encoded as quoted-printable when it holds
 * 8-bit bytes or NUL, a line longer than 998 octets, white space at a line end or a line
 * starting with "From "; any other part with 8-bit or binary content becomes base64. Parts
 * already in base64 or quoted-printable keep their encoding. Multiparts are rebuilt part by
 * part with their own boundaries; message/rfc822 parts are canonicalised inside; a
 * multipart/signed inside (a message signed again) is left as it is, line ends aside.
 */
public final class SevenBitCanonicalizer {

    private static final int MAX_DEPTH = 40;
    private static final int MAX_LINE = 998;

    private SevenBitCanonicalizer() {
    }

    /**
     * Builds the entity to sign from a whole message: its {@code Content-*} header fields and
     * its body, canonicalised. A message without a Content-Type gets
     * {@code text/plain; charset=us-ascii} (or utf-8 / unknown-8bit for 8-bit text, RFC 1428).
     *
     * @param message the parsed message
     * @return the canonical entity bytes: header fields, blank line, body; all lines CRLF
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if a multipart has no
     *     boundary delimiter
     */
    public static byte[] entityOf(RawMimeEntity message) {
        List<HeaderField> contentFields = new ArrayList<>(message.headers().stream()
                .filter(HeaderField::isContentField).toList());
        byte[] body = message.body();
        if (contentFields.stream().noneMatch(field -> field.is("Content-Type"))) {
            contentFields.add(0, HeaderField.of("Content-Type", "text/plain; charset=" + defaultCharset(body)));
        }
        return canonicalize(contentFields, body, 0);
    }

    private static byte[] canonicalize(List<HeaderField> headers, byte[] body, int depth) {
        RawMimeEntity view = new RawMimeEntity(new byte[0], headers, 0);
        ContentType type = view.contentType();
        String encoding = view.transferEncoding();
        if (type.is("multipart/signed")) {
            // re-encoding inside would break the inner signature; its parts are 7-bit by RFC 8551 §3.1.3
            return withBody(headers, LineEndings.toCrlf(body));
        }
        if (depth < MAX_DEPTH && type.isMultipart()) {
            return multipart(headers, body, type, depth);
        }
        if (depth < MAX_DEPTH && type.is("message/rfc822") && !"base64".equals(encoding)
                && !"quoted-printable".equals(encoding)) {
            return encapsulatedMessage(headers, body, depth);
        }
        return leaf(headers, body, type, encoding);
    }

    private static byte[] multipart(List<HeaderField> headers, byte[] body, ContentType type, int depth) {
        String boundary = type.parameter("boundary").orElseThrow(() -> new CryptoException(
                CryptoFailure.MALFORMED_INPUT, "cannot sign: " + type.mediaType() + " part without a boundary parameter"));
        MultipartBody parts = MultipartBody.split(body, boundary);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        writeHeaders(out, headers);
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] preamble = parts.preamble();
        if (preamble.length > 0) {
            out.writeBytes(LineEndings.toCrlf(preamble));
            out.writeBytes(crlf());
        }
        for (byte[] part : parts.parts()) {
            RawMimeEntity entity = RawMimeParser.parseEntity(part);
            out.writeBytes(dash);
            out.writeBytes(crlf());
            out.writeBytes(canonicalize(entity.headers(), entity.body(), depth + 1));
            out.writeBytes(crlf());
        }
        out.writeBytes(dash);
        out.write('-');
        out.write('-');
        out.writeBytes(crlf());
        out.writeBytes(LineEndings.toCrlf(parts.epilogue()));
        return out.toByteArray();
    }

    private static byte[] encapsulatedMessage(List<HeaderField> headers, byte[] body, int depth) {
        RawMimeEntity inner = RawMimeParser.parseEntity(body);
        byte[] canonical = canonicalize(inner.headers(), inner.body(), depth + 1);
        List<HeaderField> outer = headers;
        if (isSevenBit(canonical)) {
            outer = withTransferEncoding(headers, "7bit");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(canonical.length + 128);
        writeHeaders(out, outer);
        out.writeBytes(canonical);
        return out.toByteArray();
    }

    private static byte[] leaf(List<HeaderField> headers, byte[] body, ContentType type, String encoding) {
        if ("base64".equals(encoding) || "quoted-printable".equals(encoding)) {
            return withBody(headers, LineEndings.toCrlf(body));
        }
        boolean identity = "7bit".equals(encoding) || "8bit".equals(encoding) || "binary".equals(encoding);
        if (!identity) {
            // an encoding we do not know (x-uuencode...): keep it, only canonicalise line ends
            return withBody(headers, LineEndings.toCrlf(body));
        }
        if ("text".equals(type.type())) {
            byte[] text = LineEndings.toCrlf(body);
            if (textNeedsEncoding(text)) {
                return withBody(withTransferEncoding(headers, "quoted-printable"),
                        TransferEncodings.encodeQuotedPrintable(text));
            }
            return withBody("7bit".equals(encoding) ? headers : withTransferEncoding(headers, "7bit"), text);
        }
        if ("7bit".equals(encoding) && isSevenBit(body) && !hasLongLine(body)) {
            return withBody(headers, LineEndings.toCrlf(body));
        }
        return withBody(withTransferEncoding(headers, "base64"), TransferEncodings.encodeBase64(body));
    }

    private static boolean textNeedsEncoding(byte[] text) {
        if (!isSevenBit(text) || hasLongLine(text)) {
            return true;
        }
        int position = 0;
        while (position < text.length) {
            int end = RawMimeParser.lineContentEnd(text, position);
            if (end > position && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
                return true;
            }
            if (RawMimeParser.startsWith(text, position, "From ")) {
                return true;
            }
            position = RawMimeParser.nextLine(text, position);
        }
        return false;
    }

    private static boolean isSevenBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0 || b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLongLine(byte[] bytes) {
        int position = 0;
        while (position < bytes.length) {
            int end = RawMimeParser.lineContentEnd(bytes, position);
            if (end - position > MAX_LINE) {
                return true;
            }
            position = RawMimeParser.nextLine(bytes, position);
        }
        return false;
    }

    private static List<HeaderField> withTransferEncoding(List<HeaderField> headers, String encoding) {
        List<HeaderField> result = new ArrayList<>(headers.stream()
                .filter(field -> !field.is("Content-Transfer-Encoding")).toList());
        result.add(HeaderField.of("Content-Transfer-Encoding", encoding));
        return result;
    }

    private static byte[] withBody(List<HeaderField> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        writeHeaders(out, headers);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Writes the header fields with CRLF line ends, then the blank line. */
    private static void writeHeaders(ByteArrayOutputStream out, List<HeaderField> headers) {
        for (HeaderField field : headers) {
            byte[] raw = LineEndings.toCrlf(field.raw());
            out.writeBytes(raw);
            if (raw.length < 2 || raw[raw.length - 1] != '\n') {
                out.writeBytes(crlf());
            }
        }
        out.writeBytes(crlf());
    }

    private static String defaultCharset(byte[] body) {
        if (isSevenBit(body)) {
            return "us-ascii";
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return "utf-8";
        } catch (CharacterCodingException e) {
            return "unknown-8bit";
        }
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }
}
