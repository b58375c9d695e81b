package org.sealmail.mailstore.testing;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/** Builds test messages with known envelopes and structures. */
public final class TestMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private TestMessages() {
    }

    /** @return a new unique Message-ID, e.g. {@code <uuid@example.test>} */
    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@example.test>";
    }

    /**
     * @return a text/plain message
     */
    public static MimeMessage plain(String from, String to, String subject, String text, String messageId) {
        try {
            MimeMessage m = new FixedIdMessage(messageId);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date(1_700_000_000_000L));
            m.setText(text, "UTF-8");
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return multipart/mixed: a text/plain part and an application/pdf attachment named {@code filename}
     */
    public static MimeMessage withAttachment(String from, String to, String subject, String filename, byte[] attachment,
            String messageId) {
        try {
            MimeMessage m = new FixedIdMessage(messageId);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date(1_700_000_000_000L));
            MimeBodyPart text = new MimeBodyPart();
            text.setText("see attached", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(attachment, "application/pdf");
            file.setFileName(filename);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            mixed.addBodyPart(file);
            m.setContent(mixed);
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the message's bytes */
    public static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
