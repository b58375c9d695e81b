package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.sealmail.crypto.CryptoException;

/**
 * Line-end canonicalisation (RFC 5322 §2.1, RFC 8551 §3.1.1): every line of a MIME entity that
 * is signed or verified ends in CRLF. A lone LF or a lone CR becomes CRLF; existing CRLF pairs
 * are kept. Streams are canonicalised by {@link CanonicalLineEndingOutputStream}, which this
 * class uses for byte arrays too; and lines are read from a stream without reading past them.
 */
public final class LineEndings {

    private LineEndings() {
    }

    /**
     * @param bytes text with any line ends
     * @return the same bytes with every line end written as CRLF (the input itself when it
     *     already is canonical)
     */
    public static byte[] toCrlf(byte[] bytes) {
        if (isCrlf(bytes)) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 32 + 2);
        try (CanonicalLineEndingOutputStream canonical = new CanonicalLineEndingOutputStream(out)) {
            canonical.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one line (up to and including its LF; a CR LF pair or a bare LF ends a line) one
     * byte at a time, so that nothing after it is consumed.
     *
     * @param in the stream (buffer it: it is read byte by byte)
     * @param limit the most bytes a line may have before its LF
     * @param tooLong the error to throw for a longer line
     * @return the line with its line break as read (the last line may have none), or null at
     *     the end of the input
     * @throws IOException if the stream fails
     */
    public static byte[] readLine(InputStream in, int limit, Supplier<CryptoException> tooLong) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            line.write(c);
            if (c == '\n') {
                break;
            }
            if (line.size() > limit) {
                throw tooLong.get();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    /**
     * @param line a line as {@link #readLine} returns it
     * @return the index after its content, before the CR LF or LF that ends it
     */
    public static int contentEnd(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    /**
     * @param bytes any bytes
     * @return true if every CR is followed by LF and every LF preceded by CR
     */
    public static boolean isCrlf(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                return false;
            }
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                return false;
            }
        }
        return true;
    }
}
