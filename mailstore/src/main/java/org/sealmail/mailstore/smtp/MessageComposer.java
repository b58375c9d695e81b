package org.sealmail.mailstore.smtp;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

/**
 * Composes a plain-text message (RFC 5322) with optional attachments (RFC 2045/2183), ready for
 * the outbox: Message-ID and Date set once here, so the outbox can find the message in Sent by
 * its Message-ID after a crash.
 */
public final class MessageComposer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MessageComposer() {
    }

    /**
     * What to send.
     *
     * @param from the sender (address, optionally "Name &lt;address&gt;")
     * @param to To recipients
     * @param cc Cc recipients
     * @param bcc Bcc recipients (in the envelope, not transmitted)
     * @param subject the subject
     * @param body the text body
     * @param attachments files to attach
     */
    public record Draft(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String body,
            List<Path> attachments) {

        /** Copies the lists. */
        public Draft {
            Objects.requireNonNull(from, "from");
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * The composed message.
     *
     * @param messageId its Message-ID header, with angle brackets
     * @param envelopeFrom the bare sender address (MAIL FROM)
     * @param recipients every recipient's bare address (RCPT TO): To, Cc and Bcc
     * @param rfc822 the message's bytes (with a Bcc header for the sender's own copy)
     */
    public record Composed(String messageId, String envelopeFrom, List<String> recipients, byte[] rfc822) {
    }

    /**
     * @param draft what to send
     * @param now the Date header's time
     * @return the composed message
     * @throws IllegalArgumentException if an address is malformed, there is no recipient, or an attachment cannot be read
     */
    public static Composed compose(Draft draft, Instant now) {
        try {
            InternetAddress from = parseOne(draft.from());
            String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
            String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(from);
            List<String> recipients = new ArrayList<>();
            set(message, Message.RecipientType.TO, draft.to(), recipients);
            set(message, Message.RecipientType.CC, draft.cc(), recipients);
            set(message, Message.RecipientType.BCC, draft.bcc(), recipients);
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("the message has no recipient");
            }
            message.setSubject(draft.subject(), "UTF-8");
            message.setSentDate(Date.from(now));
            if (draft.attachments().isEmpty()) {
                message.setText(draft.body(), "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(draft.body(), "UTF-8");
                mixed.addBodyPart(text);
                for (Path file : draft.attachments()) {
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("attachment " + file + " cannot be read");
                    }
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
                    part.setFileName(file.getFileName().toString());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new Composed(messageId, from.getAddress(), recipients, out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("cannot compose the message: " + e.getMessage(), e);
        }
    }

    private static void set(MimeMessage message, Message.RecipientType type, List<String> addresses, List<String> recipients)
            throws MessagingException {
        if (addresses.isEmpty()) {
            return;
        }
        List<InternetAddress> parsed = new ArrayList<>();
        for (String address : addresses) {
            InternetAddress one = parseOne(address);
            parsed.add(one);
            recipients.add(one.getAddress());
        }
        message.setRecipients(type, parsed.toArray(new InternetAddress[0]));
    }

    private static InternetAddress parseOne(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            if (address.getAddress() == null || address.getAddress().indexOf('@') <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not an e-mail address");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + text + "' is not an e-mail address: " + e.getMessage(), e);
        }
    }
}
