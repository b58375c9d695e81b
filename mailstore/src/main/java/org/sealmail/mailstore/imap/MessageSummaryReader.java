package org.sealmail.mailstore.imap;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetched {@link IMAPMessage} into a {@link MessageSummary}. When the server's ENVELOPE
 * or BODYSTRUCTURE cannot be parsed (Jakarta Mail drops the bad FETCH response and then fails
 * with "Unable to load BODYSTRUCTURE"), it fetches the whole message (BODY.PEEK[]) and parses it
 * locally; the folder's sync goes on either way.
 */
final class MessageSummaryReader {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSummaryReader.class);

    private final Session session;

    /** @param session used to parse fetched messages locally */
    MessageSummaryReader(Session session) {
        this.session = session;
    }

    /** A summary and, when the whole message had to be fetched, its bytes. */
    record Read(MessageSummary summary, byte[] rfc822) {
    }

    /**
     * @param message a message whose ENVELOPE, FLAGS, UID, RFC822.SIZE and BODYSTRUCTURE were prefetched
     * @param uid its UID
     * @return the summary, and the full message when it was fetched as a fallback
     * @throws MessageRemovedException if the message was expunged meanwhile
     * @throws MessagingException on a lost connection (folder or store closed)
     */
    Read read(IMAPMessage message, long uid) throws MessagingException {
        MessageFlags flags = MessageFlags.of(message.getFlags());
        try {
            message.getReceivedDate();   // throws "Failed to load IMAP envelope" when the ENVELOPE was unusable
            MessageStructure structure = MessageStructureReader.read(message, false);
            return new Read(summary(message, uid, flags, structure, message.getSize()), null);
        } catch (FolderClosedException | StoreClosedException | MessageRemovedException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.info("server envelope or structure of UID {} unusable ({}); fetching the whole message", uid, e.getMessage());
        }
        byte[] raw;
        try {
            raw = fetchWhole(message);
        } catch (FolderClosedException | StoreClosedException | MessageRemovedException e) {
            throw e;
        } catch (MessagingException e) {
            LOG.warn("UID {}: the whole message cannot be fetched either ({}); stored without envelope", uid, e.getMessage());
            return new Read(new MessageSummary(uid, null, null, List.of(), List.of(), List.of(), null, null, -1, flags,
                    MessageStructure.opaque("application/octet-stream", true), null, List.of()), null);
        }
        return readLocal(new MimeMessage(session, new ByteArrayInputStream(raw)), uid, flags, raw);
    }

    /**
     * @param message a message parsed locally (e.g. one we just appended)
     * @param uid its UID on the server
     * @param flags its flags
     * @param raw its bytes
     * @return its summary (structure from the local parse)
     */
    Read readLocal(MimeMessage message, long uid, MessageFlags flags, byte[] raw) {
        MessageStructure structure;
        try {
            structure = MessageStructureReader.read(message, true);
        } catch (IOException | MessagingException e) {
            structure = MessageStructure.opaque("application/octet-stream", true);
        }
        return new Read(summary(message, uid, flags, structure, raw.length), raw);
    }

    /**
     * @param message a message on the server
     * @return its full RFC 5322 text (BODY.PEEK[], so \Seen is not set)
     * @throws MessagingException if the fetch fails
     */
    static byte[] fetchWhole(Message message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);   // not getSize(): it needs the (maybe broken) envelope
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read message body: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static MessageSummary summary(MimeMessage message, long uid, MessageFlags flags, MessageStructure structure,
            long size) {
        return new MessageSummary(uid, header(() -> message.getMessageID()), header(() -> message.getSubject()),
                addresses(() -> message.getFrom()), addresses(() -> message.getRecipients(Message.RecipientType.TO)),
                addresses(() -> message.getRecipients(Message.RecipientType.CC)), instant(() -> message.getSentDate()),
                instant(() -> message.getReceivedDate()), size, flags, structure, header(() -> message.getHeader("In-Reply-To", " ")),
                references(header(() -> message.getHeader("References", " "))));
    }

    private interface Getter<T> {
        T get() throws MessagingException;
    }

    private static String header(Getter<String> getter) {
        try {
            return getter.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> references(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    private static Instant instant(Getter<Date> getter) {
        try {
            Date date = getter.get();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> addresses(Getter<Address[]> getter) {
        Address[] addresses;
        try {
            addresses = getter.get();
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                out.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
            }
        }
        return out;
    }
}
