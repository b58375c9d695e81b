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
 * Turns text pasted into the rules editor's test pane into a message to evaluate: text that
 * starts with RFC 5322 header lines and has a blank line after them is taken as a whole
 * message; anything else becomes the plain-text body (UTF-8) of a message to the given recipients.
 */
public final class PastedMessage {

    private static final Pattern HEADER_START = Pattern.compile("\\A[A-Za-z0-9-]+:[ \\t][^\\r\\n]*\\r?\\n(?s:.*)\\r?\\n\\r?\\n");

    private PastedMessage() {
    }

    /**
     * @param recipients comma-separated addresses for a pasted body (ignored for a whole message)
     * @param text the pasted text
     * @return the message's bytes
     * @throws IllegalArgumentException when a recipient is not a valid address
     */
    public static byte[] bytes(String recipients, String text) {
        if (HEADER_START.matcher(text).lookingAt()) {
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
