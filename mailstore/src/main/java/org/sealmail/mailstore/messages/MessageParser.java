package org.sealmail.mailstore.messages;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads what the store needs from a raw message (RFC 5322, MIME RFC 2045-2049) with Jakarta Mail's
 * {@link MimeMessage}: envelope headers, MIME structure, protection, and the plain text of an
 * unprotected body for the full-text index: every inline text/plain part, and every text/html part
 * (turned to text with jsoup) except those inside a multipart/alternative that offers a text/plain
 * version of the same content (RFC 2046 §5.1.4), in the order they appear. It never throws on bad
 * input: whatever is malformed is
 * described in {@link ParsedMessage#parseWarning()} and the rest is read as far as possible.
 */
public final class MessageParser {

    /** The most body text indexed per message, in characters. */
    public static final int MAX_BODY_TEXT = 256 * 1024;

    private static final int MAX_DEPTH = 40;
    private static final int MAX_STRUCTURE = 2000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+[ \\t]*:");
    private static final Session SESSION = Session.getInstance(sessionProperties());

    /**
     * @param raw the message bytes as received (LF or CRLF line ends)
     * @return what could be read; never {@code null}
     */
    public ParsedMessage parse(byte[] raw) {
        Walk walk = new Walk();
        if (!startsWithHeaderField(raw)) {
            walk.warn("the message does not start with a header field");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            walk.warn("unreadable header section: " + e.getMessage());
            return new ParsedMessage(null, null, List.of(), List.of(), List.of(), null, null, List.of(), null,
                    MessageProtection.UNKNOWN, null, walk.warning());
        }
        String messageId = firstId(header(message, "Message-ID"));
        String subject = subject(message, walk);
        List<MailAddress> from = addresses(message, "From", walk);
        List<MailAddress> to = addresses(message, "To", walk);
        List<MailAddress> cc = addresses(message, "Cc", walk);
        Instant sentDate = sentDate(message);
        String inReplyTo = firstId(header(message, "In-Reply-To"));
        List<String> references = allIds(header(message, "References"));
        walk.part(message, 0, false);
        MessageProtection protection = walk.protection();
        String bodyText = protection.allowsBodyIndexing() ? walk.bodyText() : null;
        return new ParsedMessage(messageId, subject, from, to, cc, sentDate, inReplyTo, references, walk.structure(),
                protection, bodyText, walk.warning());
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    private static boolean startsWithHeaderField(byte[] raw) {
        int end = 0;
        while (end < raw.length && end < 1000 && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        return HEADER_LINE.matcher(new String(raw, 0, end, StandardCharsets.ISO_8859_1)).find();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, " ");
        } catch (MessagingException e) {
            return null;
        }
    }

    /** @return the first id in angle brackets, or the trimmed value if it has none and no spaces */
    static String firstId(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(value);
        if (matcher.find()) {
            return matcher.group(1);
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || trimmed.contains(" ") ? null : trimmed;
    }

    static List<String> allIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher matcher = MESSAGE_ID.matcher(value);
            while (matcher.find()) {
                if (!ids.contains(matcher.group(1))) {
                    ids.add(matcher.group(1));
                }
            }
        }
        return ids;
    }

    private static String subject(MimeMessage message, Walk walk) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            walk.warn("unreadable Subject: " + e.getMessage());
            return header(message, "Subject");
        }
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static List<MailAddress> addresses(MimeMessage message, String name, Walk walk) {
        String value = header(message, name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<MailAddress> addresses = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                String personal = address.getPersonal();
                addresses.add(new MailAddress(personal, address.getAddress() == null ? "" : address.getAddress()));
            }
        } catch (AddressException e) {
            walk.warn("unreadable " + name + " header: " + e.getMessage());
            addresses.add(new MailAddress(decodeText(value), ""));
        }
        return addresses;
    }

    private static String decodeText(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).trim();
        } catch (UnsupportedEncodingException e) {
            return value.trim();
        }
    }

    /** The state of one walk over a message's MIME tree. */
    private static final class Walk {
        private final StringBuilder structure = new StringBuilder();
        private final StringBuilder body = new StringBuilder();
        private final List<String> warnings = new ArrayList<>();
        private boolean encrypted;
        private boolean sealmail;
        private boolean signed;
        private boolean incomplete;

        /**
         * @param htmlHasPlainAlternative true inside a multipart/alternative that has a text/plain
         *     version: its HTML says the same and is not indexed a second time
         */
        void part(Part part, int depth, boolean htmlHasPlainAlternative) {
            if (depth > MAX_DEPTH) {
                warn("MIME nesting deeper than " + MAX_DEPTH + " levels; the rest was not read");
                incomplete = true;
                return;
            }
            ContentType type = contentType(part);
            String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
            if (structure.length() < MAX_STRUCTURE) {
                structure.append(baseType);
            }
            classify(baseType, type);
            try {
                if (baseType.startsWith("multipart/")) {
                    multipart(part, baseType, depth, htmlHasPlainAlternative);
                } else if (baseType.equals("message/rfc822") || baseType.equals("message/global")) {
                    try (InputStream in = part.getInputStream()) {
                        if (!startsWithHeaderField(in.readNBytes(1000))) {
                            warn("an attached " + baseType + " does not start with a header field");
                        }
                    }
                    Object content = part.getContent();
                    if (content instanceof Part embedded) {
                        appendStructure("(");
                        part(embedded, depth + 1, false);
                        appendStructure(")");
                    }
                } else if (baseType.startsWith("text/") && !isAttachment(part)) {
                    text(part, baseType, type, htmlHasPlainAlternative);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                warn("unreadable " + baseType + " part: " + e.getMessage());
                if (baseType.startsWith("multipart/")) {
                    incomplete = true;
                }
            }
        }

        private void multipart(Part part, String baseType, int depth, boolean htmlHasPlainAlternative)
                throws MessagingException, IOException {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                warn(part.getContentType() + " has no readable parts");
                incomplete = true;
                return;
            }
            int count = multipart.getCount();
            if (content instanceof jakarta.mail.internet.MimeMultipart mime && !mime.isComplete()) {
                warn("multipart without its closing boundary");
            }
            boolean skipHtml = htmlHasPlainAlternative
                    || baseType.equals("multipart/alternative") && hasPlainTextChild(multipart, count);
            appendStructure("(");
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    appendStructure(",");
                }
                BodyPart child = multipart.getBodyPart(i);
                part(child, depth + 1, skipHtml);
            }
            appendStructure(")");
        }

        private static boolean hasPlainTextChild(Multipart multipart, int count) throws MessagingException {
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain") && !isAttachment(child)) {
                    return true;
                }
            }
            return false;
        }

        private void text(Part part, String baseType, ContentType type, boolean htmlHasPlainAlternative)
                throws MessagingException, IOException {
            boolean html = baseType.equals("text/html");
            if (!html && !baseType.equals("text/plain") || html && htmlHasPlainAlternative || body.length() >= MAX_BODY_TEXT) {
                return;
            }
            byte[] decoded;
            try (InputStream in = part.getInputStream()) {
                decoded = in.readNBytes(MAX_BODY_TEXT * 4);
            }
            String text = new String(decoded, charset(type.getParameter("charset")));
            if (html) {
                text = Jsoup.parse(text).text();
            }
            body.append(text, 0, Math.min(text.length(), MAX_BODY_TEXT - body.length())).append('\n');
        }

        private void classify(String baseType, ContentType type) {
            if (baseType.equals("application/pkcs7-mime") || baseType.equals("application/x-pkcs7-mime")) {
                String smimeType = type.getParameter("smime-type");
                String smime = smimeType == null ? "" : smimeType.toLowerCase(Locale.ROOT);
                if (smime.equals("signed-data")) {
                    signed = true;
                } else if (!smime.equals("certs-only")) {
                    encrypted = true;
                }
            } else if (baseType.equals("multipart/signed")) {
                signed = true;
            } else if (baseType.equals(MessageProtection.SEALMAIL_PROTECTED_MEDIA_TYPE)) {
                sealmail = true;
            }
        }

        private ContentType contentType(Part part) {
            String value = null;
            try {
                value = part.getContentType();
                return new ContentType(value == null ? "text/plain" : MimeUtility.unfold(value));
            } catch (ParseException e) {
                warn("unreadable Content-Type '" + value + "'");
            } catch (MessagingException e) {
                warn("unreadable Content-Type: " + e.getMessage());
            }
            return new ContentType("application", "octet-stream", null);
        }

        private static boolean isAttachment(Part part) {
            try {
                return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            } catch (MessagingException e) {
                return false;
            }
        }

        private static Charset charset(String name) {
            if (name != null) {
                try {
                    return Charset.forName(MimeUtility.javaCharset(name.trim()));
                } catch (IllegalArgumentException e) {
                    // unknown or illegal charset name: read as windows-1252, the usual mislabel
                }
            }
            return Charset.forName("windows-1252");
        }

        private void appendStructure(String text) {
            if (structure.length() < MAX_STRUCTURE) {
                structure.append(text);
            }
        }

        void warn(String warning) {
            if (warnings.size() < 5) {
                warnings.add(warning);
            }
        }

        String warning() {
            return warnings.isEmpty() ? null : String.join("; ", warnings);
        }

        String structure() {
            return structure.toString();
        }

        MessageProtection protection() {
            if (sealmail) {
                return MessageProtection.SEALMAIL_PROTECTED;
            }
            if (encrypted) {
                return MessageProtection.SMIME_ENCRYPTED;
            }
            if (incomplete) {
                return MessageProtection.UNKNOWN;
            }
            return signed ? MessageProtection.SMIME_SIGNED : MessageProtection.NONE;
        }

        String bodyText() {
            String result = body.toString().strip();
            return result.isEmpty() ? null : result;
        }
    }
}
