package org.sealmail.crypto.smime.decrypt;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.smime.mime.Base64DecodingInputStream;
import org.sealmail.crypto.smime.mime.BlockInputStream;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.LineEndings;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;

/**
 * Finds the CMS bytes in what the user hands to decryption, without loading them: an S/MIME
 * message or entity ({@code application/pkcs7-mime} or {@code application/x-pkcs7-mime},
 * RFC 8551 §3.2; base64, quoted-printable or binary transfer encoding), a PEM file
 * ({@code -----BEGIN PKCS7-----}, {@code CMS}, {@code ENCRYPTED MESSAGE}, ...; RFC 7468) or a raw
 * DER/BER CMS file.
 */
final class CmsInput {

    /** How the CMS structure was wrapped. */
    enum Wrapping { MIME, PEM, DER }

    /** The CMS bytes and how they came. */
    record Opened(InputStream cms, Wrapping wrapping, String description) {
    }

    private static final int PEEK_BYTES = 64;

    private CmsInput() {
    }

    /**
     * @param raw the user's input, positioned at its start
     * @return the CMS bytes (buffered), ready for a BER parser
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the input is empty, not
     *     MIME, not an S/MIME encrypted type, or uses an unknown transfer encoding
     */
    static Opened open(InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        byte[] head = peek(in);
        if (head.length == 0) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty input: expected an S/MIME message or a CMS file");
        }
        if ((head[0] & 0xff) == 0x30) {
            return new Opened(in, Wrapping.DER, "DER/BER CMS");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("-----BEGIN ")) {
            return new Opened(new BufferedInputStream(new Base64Errors(new Base64DecodingInputStream(new PemBodyInputStream(in)))),
                    Wrapping.PEM, "PEM CMS");
        }
        RawMimeHeaders headers = RawMimeHeaders.read(in);
        String contentTypeValue = headers.value("Content-Type").orElseThrow(() -> new CryptoException(
                CryptoFailure.MALFORMED_INPUT, headers.isEmpty()
                        ? "not an S/MIME message: no header fields, and not a DER or PEM CMS file either"
                        : "not an S/MIME encrypted message: no Content-Type (plain text/plain message)"));
        ContentType contentType = ContentType.parse(contentTypeValue);
        if (contentType == ContentType.DEFAULT && !contentTypeValue.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "malformed Content-Type \"" + contentTypeValue
                    + "\": no type/subtype (RFC 2045 §5.1)");
        }
        String baseType = contentType.mediaType();
        if (!contentType.is("application/pkcs7-mime", "application/x-pkcs7-mime")) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "not an S/MIME encrypted message: Content-Type is "
                    + baseType + ", expected application/pkcs7-mime (RFC 8551 §3.3)");
        }
        // the smime-type parameter is only a hint (some clients mislabel enveloped data as signed-data):
        // the CMS content type decides
        String smimeType = contentType.parameter("smime-type").orElse("").toLowerCase(Locale.ROOT);
        String encoding = headers.value("Content-Transfer-Encoding").orElse("7bit").toLowerCase(Locale.ROOT).trim();
        InputStream decoded = switch (encoding) {
            case "base64" -> new Base64Errors(new Base64DecodingInputStream(in));
            case "7bit", "8bit", "binary" -> in;
            case "quoted-printable" -> decodeWith(in, encoding);
            default -> throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "unknown Content-Transfer-Encoding \"" + encoding + "\"");
        };
        return new Opened(new BufferedInputStream(decoded, 64 * 1024), Wrapping.MIME,
                baseType + (smimeType.isEmpty() ? "" : "; smime-type=" + smimeType) + ", " + encoding);
    }

    private static InputStream decodeWith(InputStream in, String encoding) {
        try {
            return MimeUtility.decode(in, encoding);
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot decode " + encoding + ": " + e.getMessage(), e);
        }
    }

    private static byte[] peek(BufferedInputStream in) {
        try {
            in.mark(PEEK_BYTES);
            byte[] head = in.readNBytes(PEEK_BYTES);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read the input: " + e.getMessage(), e);
        }
    }

    /** Reports a base64 decoding error as malformed input: the usual sign of a truncated message. */
    static final class Base64Errors extends java.io.FilterInputStream {
        Base64Errors(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | IllegalArgumentException e) {
                throw malformed(e);
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return super.read(bytes, offset, length);
            } catch (IOException | IllegalArgumentException e) {
                throw malformed(e);
            }
        }

        private static CryptoException malformed(Exception e) {
            return new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "the base64 content is truncated or corrupt: " + e.getMessage(), e);
        }
    }

    /**
     * The base64 text between a PEM {@code -----BEGIN ...-----} line and its {@code -----END}
     * line (RFC 7468 §2); headers such as {@code Version:} before an empty line are skipped.
     */
    static final class PemBodyInputStream extends BlockInputStream {
        private static final int MAX_LINE_BYTES = 64 * 1024;

        private final InputStream in;
        private boolean begun;
        private boolean ended;

        PemBodyInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        protected byte[] nextBlock() throws IOException {
            while (!ended) {
                byte[] next = LineEndings.readLine(in, MAX_LINE_BYTES, () -> new CryptoException(
                        CryptoFailure.MALFORMED_INPUT, "PEM line longer than 64 KiB: not PEM"));
                if (next == null) {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                            begun ? "PEM block has no -----END line: the input is truncated" : "no PEM -----BEGIN line");
                }
                String text = new String(next, StandardCharsets.ISO_8859_1).strip();
                if (!begun) {
                    begun = text.startsWith("-----BEGIN ");
                    continue;
                }
                if (text.startsWith("-----END")) {
                    ended = true;
                    break;
                }
                if (text.contains(":")) {
                    continue; // RFC 1421 style header inside the block
                }
                return text.getBytes(StandardCharsets.US_ASCII);
            }
            return null;
        }
    }
}
