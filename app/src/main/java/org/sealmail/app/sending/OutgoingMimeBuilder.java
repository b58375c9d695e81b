package org.sealmail.app.sending;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.sealmail.app.ui.compose.OutgoingAttachment;
import org.sealmail.app.ui.compose.OutgoingMessage;

/**
 * Builds the RFC 5322 / MIME message (RFC 2045-2049) of a composed message with Jakarta Mail:
 * text/plain or text/html in UTF-8, multipart/mixed when there are attachments.
 */
public final class OutgoingMimeBuilder {

    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param clock the time source for the Date header
     */
    public OutgoingMimeBuilder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param message the composed message
     * @param sender who sends it
     * @param withBcc whether to put a Bcc header (the send pipeline reads the envelope from it and
     *                never lets it leave)
     * @return the message, headers and body set, saved
     * @throws MessagingException when an address or part cannot be encoded
     */
    public MimeMessage build(OutgoingMessage message, SenderIdentity sender, boolean withBcc) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        try {
            mime.setFrom(new InternetAddress(sender.address(), sender.name(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
        if (!message.cc().isEmpty()) {
            mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
        }
        if (withBcc && !message.bcc().isEmpty()) {
            mime.setRecipients(Message.RecipientType.BCC, addresses(message.bcc()));
        }
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        String subtype = message.html() ? "html" : "plain";
        if (message.attachments().isEmpty()) {
            mime.setText(message.body(), "UTF-8", subtype);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), "UTF-8", subtype);
            mixed.addBodyPart(text);
            for (OutgoingAttachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new ByteArrayDataSource(attachment.bytes(), attachment.mediaType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress[] addresses(List<String> specs) throws MessagingException {
        InternetAddress[] addresses = new InternetAddress[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            addresses[i] = new InternetAddress(specs.get(i), true);
        }
        return addresses;
    }
}
