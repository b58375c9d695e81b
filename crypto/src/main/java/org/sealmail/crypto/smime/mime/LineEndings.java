package org.sealmail.crypto.smime.mime;

import java.io.ByteArrayOutputStream;

/**
 * Line-end canonicalisation (RFC 5322 §2.1, RFC 8551 §3.1.1): every line of a MIME entity that
 * is signed or verified ends in CRLF. A lone LF or a lone CR becomes CRLF; existing CRLF pairs
 * are kept.
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
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
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
