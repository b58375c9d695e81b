package org.sealmail.app.ui.rules;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Turns text pasted into the rules editor's test pane into a message to evaluate: text whose
 * lines up to the first blank line are all RFC 5322 header fields (or their folded
 * continuations), one of them From, To, Cc, Subject, Date, Message-ID or MIME-Version, is taken
 * as a whole message; anything else (a body that merely starts with "Note: ...") becomes the
 * plain-text body (UTF-8) of a message to the given recipients.
 */
public final class PastedMessage {

    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");
    private static final Pattern MESSAGE_FIELD = Pattern.compile("(?i)(from|to|cc|subject|date|message-id|mime-version):.*");

    private PastedMessage() {
    }

    /**
     * @param text pasted text
     * @return whether it is a whole message: a header block of fields (RFC 5322 §2.2, §3.6) then a blank line
     */
    static boolean isWholeMessage(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        boolean messageField = false;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isEmpty()) {
                return index > 0 && messageField;
            }
            boolean continuation = index > 0 && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation && !FIELD.matcher(line).matches()) {
                return false;
            }
            messageField |= MESSAGE_FIELD.matcher(line).matches();
        }
        return false;
    }

    /**
     * @param recipients comma-separated addresses for a pasted body (ignored for a whole message)
     * @param text the pasted text
     * @return the message's bytes
     * @throws IllegalArgumentException when a recipient is not a valid address
     */
    public static byte[] bytes(String recipients, String text) {
        if (isWholeMessage(text)) {
            return text.replaceAll("\r?\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("sender@invalid"));
            if (!recipients.isBlank()) {
                message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipients, true));
            }
            message.setSubject("");
            message.setText(text, "UTF-8");
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a valid recipient list: " + e.getMessage(), e);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the pasted text cannot be made into a message: " + e.getMessage(), e);
        }
    }
}
