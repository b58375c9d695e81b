package org.sealmail.crypto.rights.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Plain messages for the protected-message tests. */
public final class TestMessages {

    private TestMessages() {
    }

    /** @return the RFC 5322 text of a small message from alice to the given recipients (CRLF line ends) */
    public static String text(String to) {
        return ("From: Alice Example <alice@example.test>\n"
                + "To: " + to + "\n"
                + "Subject: Quarterly figures\n"
                + "Date: Mon, 05 Jan 2026 10:00:00 +0000\n"
                + "Message-ID: <figures-2026@example.test>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "\n"
                + "Revenue is up 12 %. Please keep this between us.\n").replace("\n", "\r\n");
    }

    /** @return that message parsed */
    public static MimeMessage message(String to) {
        return parse(text(to).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the bytes parsed as a MimeMessage */
    public static MimeMessage parse(byte[] bytes) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the message written out */
    public static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
