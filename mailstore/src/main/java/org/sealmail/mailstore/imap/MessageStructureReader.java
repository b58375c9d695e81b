package org.sealmail.mailstore.imap;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a message's MIME tree without downloading content: for an {@code IMAPMessage} the tree
 * comes from the server's BODYSTRUCTURE, for a locally parsed {@code MimeMessage} from its bytes.
 * {@code message/rfc822} parts are leaves (not descended into).
 */
final class MessageStructureReader {

    private MessageStructureReader() {
    }

    /**
     * @param message the message (an IMAPMessage or a parsed MimeMessage)
     * @param parsedLocally whether the tree comes from a local parse
     * @return its structure
     * @throws MessagingException if the structure cannot be read (for an IMAPMessage: "Unable to load BODYSTRUCTURE")
     * @throws IOException if a locally parsed multipart is malformed
     */
    static MessageStructure read(Part message, boolean parsedLocally) throws MessagingException, IOException {
        String contentType = normalize(message.getContentType());
        List<MessagePart> parts = new ArrayList<>();
        StringBuilder outline = new StringBuilder();
        collect(message, "", contentType, parts, outline);
        return new MessageStructure(contentType, parts, outline.toString(), parsedLocally);
    }

    private static void collect(Part part, String section, String contentType, List<MessagePart> out, StringBuilder outline)
            throws MessagingException, IOException {
        outline.append(MessageStructure.baseType(contentType));
        if (contentType.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                outline.append('(');
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (i > 0) {
                        outline.append(',');
                    }
                    BodyPart child = multipart.getBodyPart(i);
                    String childSection = section.isEmpty() ? String.valueOf(i + 1) : section + "." + (i + 1);
                    collect(child, childSection, normalize(child.getContentType()), out, outline);
                }
                outline.append(')');
                return;
            }
        }
        String filename;
        try {
            filename = part.getFileName();
        } catch (MessagingException e) {
            filename = null;
        }
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException e) {
            disposition = null;
        }
        out.add(new MessagePart(section.isEmpty() ? "1" : section, contentType,
                disposition == null ? null : disposition.toLowerCase(Locale.ROOT), filename, part.getSize()));
    }

    private static String normalize(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            ContentType type = new ContentType(contentType);
            type.setPrimaryType(type.getPrimaryType().toLowerCase(Locale.ROOT));
            type.setSubType(type.getSubType().toLowerCase(Locale.ROOT));
            return type.toString().replaceAll("\\s+", " ");
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }
}
