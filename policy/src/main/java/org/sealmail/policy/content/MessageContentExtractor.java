package org.sealmail.policy.content;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an outgoing {@link MimeMessage} into {@link MessageContent} (Jakarta Mail): walks the
 * MIME tree (RFC 2046), undoes the transfer encoding (quoted-printable, base64; RFC 2045 §6),
 * decodes text in its charset (UTF-8 with replacement when the charset is unknown), converts
 * HTML to text ({@link HtmlText}), and descends into attached messages ({@code message/rfc822}).
 * Non-text attachments contribute their name and type only.
 */
public final class MessageContentExtractor {

    /** File name endings read as text even when sent as {@code application/octet-stream}. */
    private static final Set<String> TEXT_FILE_ENDINGS = Set.of(".txt", ".csv", ".tsv", ".log", ".md", ".json", ".xml",
            ".htm", ".html", ".eml", ".ics", ".vcf");
    private static final Set<String> TEXT_MEDIA_TYPES = Set.of("application/json", "application/xml", "application/csv",
            "application/x-csv");

    private MessageContentExtractor() {
    }

    /**
     * @param message the message as composed (headers and MIME body)
     * @return what the rules see of it
     * @throws UnreadableMessageException if its headers or MIME structure cannot be read
     */
    public static MessageContent extract(MimeMessage message) {
        try {
            String subject = message.getSubject();
            List<String> recipients = new ArrayList<>();
            for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC,
                    Message.RecipientType.BCC)) {
                Address[] addresses = message.getRecipients(type);
                if (addresses != null) {
                    for (Address address : addresses) {
                        String value = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
                        recipients.add(value.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            Walk walk = new Walk();
            walk.part(message, SectionKind.BODY, -1, 0);
            return new MessageContent(subject == null ? "" : subject, recipients, walk.sections, walk.attachments);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMessageException("the message cannot be read as MIME: " + e.getMessage(), e);
        }
    }

    /** The state of one walk over a MIME tree. */
    private static final class Walk {
        private final List<TextSection> sections = new ArrayList<>();
        private final List<AttachmentFacts> attachments = new ArrayList<>();
        private int nextGroup;

        void part(Part part, SectionKind kind, int group, int alternative) throws MessagingException, IOException {
            String mediaType = baseType(part);
            if (mediaType.startsWith("multipart/")) {
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    throw new MessagingException(mediaType + " part without a readable body");
                }
                boolean startsGroup = mediaType.equals("multipart/alternative") && group < 0;
                int childGroup = startsGroup ? nextGroup++ : group;
                for (int index = 0; index < multipart.getCount(); index++) {
                    part(multipart.getBodyPart(index), kind, childGroup, startsGroup ? index : alternative);
                }
                return;
            }
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (!fileName.isEmpty() && !mediaType.equals("text/plain") && !mediaType.equals("text/html"))
                    || (!fileName.isEmpty() && kind == SectionKind.ATTACHMENT);
            SectionKind partKind = attachment ? SectionKind.ATTACHMENT : kind;
            if (attachment) {
                attachments.add(new AttachmentFacts(fileName, mediaType));
            }
            if (mediaType.equals("message/rfc822") && part.getContent() instanceof MimeMessage inner) {
                String subject = inner.getSubject();
                if (subject != null && !subject.isBlank()) {
                    add(partKind, "attached message subject", subject, group, alternative);
                }
                part(inner, partKind, group, alternative);
                return;
            }
            if (isText(mediaType, fileName)) {
                String text = decode(part);
                if (mediaType.equals("text/html") || lower(fileName).endsWith(".html") || lower(fileName).endsWith(".htm")) {
                    text = HtmlText.toText(text);
                }
                String origin = attachment ? "attachment \"" + fileName + "\" (" + mediaType + ")" : mediaType;
                add(partKind, origin, text, group, alternative);
            }
        }

        private void add(SectionKind kind, String origin, String text, int group, int alternative) {
            int sectionGroup = group >= 0 ? group : nextGroup++;
            sections.add(new TextSection(kind, origin, withPlainSpaces(text), sectionGroup, group >= 0 ? alternative : 0));
        }
    }

    /**
     * No-break spaces (U+00A0 from {@code &nbsp;}, U+2007 figure space, U+202F narrow no-break space)
     * group digits as ordinary spaces do ("4111&nbsp;1111 ..."): detectors see them as spaces.
     */
    static String withPlainSpaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
    }

    private static boolean isText(String mediaType, String fileName) {
        if (mediaType.startsWith("text/") || TEXT_MEDIA_TYPES.contains(mediaType)) {
            return true;
        }
        // a text file by its name, whatever type the sender's system gave it (Windows labels .csv
        // application/vnd.ms-excel)
        String name = lower(fileName);
        return TEXT_FILE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    private static String decode(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        Charset charset = charset(part);
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Charset charset(Part part) throws MessagingException {
        String name;
        try {
            name = new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException e) {
            return StandardCharsets.UTF_8;
        }
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8; // a superset of the default US-ASCII that also reads unlabelled 8-bit text
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String value = part.getContentType();
        if (value == null) {
            return "text/plain";
        }
        try {
            return new ContentType(value).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "text/plain"; // RFC 2045 §5.2: an invalid Content-Type is read as the default, so it is still checked
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? "" : MimeUtility.decodeText(name).strip();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            return "";
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
