package org.sealmail.crypto.smime;

import java.nio.charset.StandardCharsets;
import org.sealmail.crypto.smime.mime.TransferEncodings;

/** Small messages for S/MIME tests, written out byte by byte so expectations can be checked by hand. */
public final class TestMessages {

    private TestMessages() {
    }

    /** @return a plain UTF-8 message from {@code from}, 8bit encoded, CRLF line ends */
    public static byte[] plain(String from, String body) {
        return ("From: " + from + "\r\n"
                + "To: bob@example.test\r\n"
                + "Subject: Quarterly figures\r\n"
                + "Date: Sun, 29 Nov 2026 09:00:00 +0000\r\n"
                + "Message-ID: <test-1@example.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + body).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the text as bytes (UTF-8) */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the bytes as ISO-8859-1 text (every byte one char) */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Assembles a multipart/signed message around a given entity and SignedData, so tests can
     * put altered CMS structures in an otherwise well-formed message.
     */
    public static byte[] multipartSigned(String from, byte[] entity, byte[] signedData, String protocol) {
        String boundary = "b0undary-test";
        String head = "From: " + from + "\r\nTo: bob@example.test\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"" + protocol + "\"; micalg=sha-256; boundary=\"" + boundary
                + "\"\r\n\r\n--" + boundary + "\r\n";
        String middle = "\r\n--" + boundary + "\r\nContent-Type: " + protocol + "; name=smime.p7s\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String tail = "--" + boundary + "--\r\n";
        return concat(bytes(head), entity, bytes(middle), TransferEncodings.encodeBase64(signedData), bytes(tail));
    }

    /** @return the arrays one after the other */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /** @return the text with its first occurrence of {@code target} replaced */
    public static byte[] replaceFirst(byte[] message, String target, String replacement) {
        String text = text(message);
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + target);
        }
        return (text.substring(0, at) + replacement + text.substring(at + target.length())).getBytes(StandardCharsets.ISO_8859_1);
    }
}
