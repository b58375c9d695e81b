package org.sealmail.mailstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.sealmail.mailstore.messages.IncomingMessage;
import org.sealmail.mailstore.messages.MessageParser;

/** Builds messages for tests. */
public final class StoreFixture {

    private static final MessageParser PARSER = new MessageParser();

    private StoreFixture() {
    }

    /** @return the message parsed, with the given internal date */
    public static IncomingMessage incoming(byte[] raw, Instant internalDate) {
        return IncomingMessage.of(PARSER, raw, internalDate, null, Set.of(), Set.of());
    }

    /** @return a plain text message with LF line ends */
    public static byte[] plain(String messageId, String from, String to, String subject, String body, String... extraHeaders) {
        StringBuilder text = new StringBuilder();
        text.append("From: ").append(from).append('\n');
        text.append("To: ").append(to).append('\n');
        text.append("Subject: ").append(subject).append('\n');
        if (messageId != null) {
            text.append("Message-ID: <").append(messageId).append(">\n");
        }
        for (String header : extraHeaders) {
            text.append(header).append('\n');
        }
        text.append("Date: Mon, 26 Jan 2026 14:38:03 +0000\n");
        text.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n").append(body).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A message in the Sealmail protected format's outer shape (DESIGN.md): wrapper text + protected blob. */
    public static byte[] sealmailProtected(String wrapperText) {
        return ("From: Alice <alice@example.test>\nTo: bob@example.test\nSubject: Quarterly numbers\n"
                + "Message-ID: <protected-1@example.test>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n" + wrapperText
                + "\n--b1\nContent-Type: " + org.sealmail.mailstore.messages.MessageProtection.SEALMAIL_PROTECTED_MEDIA_TYPE + "\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEJEAEXoIAwgAIBADGB\n--b1--\n").getBytes(StandardCharsets.US_ASCII);
    }
}
