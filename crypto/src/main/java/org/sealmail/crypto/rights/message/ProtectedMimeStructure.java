package org.sealmail.crypto.rights.message;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * The outer MIME structure of a protected message (RFC 2045/2046): {@code multipart/mixed}
 * holding first a {@code multipart/alternative} readable wrapper (text/plain and text/html,
 * UTF-8, quoted-printable), then the protected blob ({@link ProtectedMessageFormat#MEDIA_TYPE},
 * base64, attachment {@link ProtectedMessageFormat#FILE_NAME}). The addressing headers are
 * copied from the inner message; {@link ProtectedMessageFormat#HEADER} names the content id.
 */
final class ProtectedMimeStructure {

    /** Headers copied in clear from the inner message; Bcc never is. */
    static final List<String> CLEAR_HEADERS = List.of("From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date",
            "Message-ID", "In-Reply-To", "References");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
    private static final Pattern CONTENT_ID = Pattern.compile("(?:^|;)\\s*content-id=\"?([^\";\\s]+)\"?");
    private static final Pattern RIGHTS_SERVER = Pattern.compile("(?:^|;)\\s*rights-server=\"([^\"\\s]+)\"");

    private ProtectedMimeStructure() {
    }

    /**
     * The readable wrapper's two texts.
     *
     * @param text the text/plain body
     * @param html the text/html body
     */
    record Wrapper(String text, String html) {

        /**
         * @return base64url (no padding) of SHA-256 over UTF-8(text) || 0x00 || UTF-8(html), each with line
         *     breaks normalized to CRLF and trailing line breaks removed
         */
        String digest() {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(canonical(text).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                sha256.update(canonical(html).getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "SHA-256 is not available", e);
            }
        }

        private static String canonical(String value) {
            return value.replaceAll("\r\n|\r|\n", "\r\n").replaceAll("(\r\n)+$", "");
        }

        /**
         * @param from the display form of From; control characters and line breaks in it become one space each run,
         *     so the sender's name cannot add lines to the wrapper
         * @param rightsServer the rights server to link to, if any
         * @param branding how the wrapper looks; {@link Branding#DEFAULT} gives Sealmail's plain wrapper
         * @return the wrapper
         */
        static Wrapper of(String from, Optional<URI> rightsServer, Branding branding) {
            String sender = CONTROL.matcher(from).replaceAll(" ");
            StringBuilder text = new StringBuilder();
            text.append(branding.introText()).append("\r\n\r\n");
            text.append("From: ").append(sender).append("\r\n\r\n");
            text.append("Only the recipients it was sent to can open it, in Sealmail, with their own key.\r\n");
            rightsServer.ifPresent(url -> text.append("To request access or read more, visit: ").append(url).append("\r\n"));
            if (!branding.disclaimer().isEmpty()) {
                text.append("\r\n").append(branding.disclaimer().replace("\n", "\r\n")).append("\r\n");
            }
            branding.privacyStatement().ifPresent(url -> text.append("\r\nPrivacy statement: ").append(url).append("\r\n"));
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>Protected message</title></head>\r\n<body>\r\n");
            branding.backgroundColour().ifPresent(colour -> html.append("<div style=\"background-color:").append(colour)
                    .append(";padding:16px\">\r\n"));
            branding.logo().ifPresent(logo -> html.append("<p><img src=\"").append(logo.dataUri())
                    .append("\" alt=\"\" style=\"max-height:64px\"></p>\r\n"));
            html.append("<p><strong>").append(escape(branding.introText())).append("</strong></p>\r\n");
            html.append("<p>From: ").append(escape(sender)).append("</p>\r\n");
            html.append("<p>Only the recipients it was sent to can open it, in Sealmail, with their own key.</p>\r\n");
            rightsServer.ifPresent(url -> html.append("<p><a href=\"").append(escape(url.toString()))
                    .append("\">Request access or read more</a></p>\r\n"));
            if (!branding.disclaimer().isEmpty()) {
                html.append("<p><small>").append(escape(branding.disclaimer()).replace("\n", "<br>\r\n"))
                        .append("</small></p>\r\n");
            }
            branding.privacyStatement().ifPresent(url -> html.append("<p><a href=\"").append(escape(url.toASCIIString()))
                    .append("\">Privacy statement</a></p>\r\n"));
            branding.backgroundColour().ifPresent(colour -> html.append("</div>\r\n"));
            html.append("</body></html>\r\n");
            return new Wrapper(text.toString(), html.toString());
        }

        private static String escape(String value) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    /**
     * What {@link #parse} found in an outer message.
     *
     * @param headerContentId the content id named by {@link ProtectedMessageFormat#HEADER}, if present
     * @param headerRightsServer the rights server named by {@link ProtectedMessageFormat#HEADER} (online licensing),
     *     if present; not authenticated: a use license from it must rest on this message's publishing license
     * @param wrapper the readable wrapper
     * @param blob the protected blob (decoded from base64)
     */
    record Parts(Optional<String> headerContentId, Optional<URI> headerRightsServer, Wrapper wrapper, byte[] blob) {
    }

    /**
     * Builds the outer message.
     *
     * @param inner the inner message, whose clear headers are copied
     * @param wrapper the readable wrapper
     * @param contentId the content id for the header
     * @param onlineServer the rights server, named in the header as {@code rights-server}, when online licensing is on
     * @param blob the protected blob
     * @return the outer message, saved (ready to write)
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the inner headers cannot be read
     */
    static MimeMessage build(MimeMessage inner, Wrapper wrapper, String contentId, Optional<URI> onlineServer, byte[] blob) {
        try {
            String messageId = inner.getHeader("Message-ID", null);
            MimeMessage outer = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    if (messageId == null) {
                        super.updateMessageID();
                    }
                }
            };
            for (String name : CLEAR_HEADERS) {
                String[] values = inner.getHeader(name);
                if (values != null) {
                    for (String value : values) {
                        outer.addHeader(name, value);
                    }
                }
            }
            outer.setHeader(ProtectedMessageFormat.HEADER, "version=" + ProtectedMessageFormat.VERSION + "; content-id=\""
                    + contentId + "\"" + onlineServer.map(url -> "; rights-server=\"" + url + "\"").orElse(""));
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(wrapper.text(), "plain"));
            alternative.addBodyPart(textPart(wrapper.html(), "html"));
            MimeBodyPart readable = new MimeBodyPart();
            readable.setContent(alternative);
            MimeBodyPart protectedPart = new MimeBodyPart();
            protectedPart.setDataHandler(new DataHandler(new ByteArrayDataSource(blob, ProtectedMessageFormat.MEDIA_TYPE)));
            protectedPart.setFileName(ProtectedMessageFormat.FILE_NAME);
            protectedPart.setDisposition(Part.ATTACHMENT);
            protectedPart.setHeader("Content-Type", ProtectedMessageFormat.MEDIA_TYPE + "; name=\""
                    + ProtectedMessageFormat.FILE_NAME + "\"");
            protectedPart.setHeader("Content-Transfer-Encoding", "base64");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(readable);
            mixed.addBodyPart(protectedPart);
            outer.setContent(mixed);
            outer.saveChanges();
            return outer;
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot build the protected message: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /**
     * @param message any message
     * @return true if it is multipart/mixed with a part of the protected media type
     */
    static boolean isProtected(MimeMessage message) {
        try {
            if (!message.isMimeType("multipart/mixed") || !(message.getContent() instanceof Multipart mixed)) {
                return false;
            }
            for (int index = 0; index < mixed.getCount(); index++) {
                if (mixed.getBodyPart(index).isMimeType(ProtectedMessageFormat.MEDIA_TYPE)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException | IOException e) {
            return false;
        }
    }

    /**
     * Finds the wrapper and the blob of a protected message.
     *
     * @param message the outer message
     * @return its parts
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if the structure is not the one described above
     */
    static Parts parse(MimeMessage message) {
        try {
            if (!message.isMimeType("multipart/mixed") || !(message.getContent() instanceof Multipart mixed)) {
                throw malformed("not a protected message: the message is " + baseType(message.getContentType())
                        + ", expected multipart/mixed with a " + ProtectedMessageFormat.MEDIA_TYPE + " part", null);
            }
            Wrapper wrapper = null;
            byte[] blob = null;
            for (int index = 0; index < mixed.getCount(); index++) {
                BodyPart part = mixed.getBodyPart(index);
                if (part.isMimeType(ProtectedMessageFormat.MEDIA_TYPE)) {
                    if (blob != null) {
                        throw malformed("the message has more than one " + ProtectedMessageFormat.MEDIA_TYPE + " part", null);
                    }
                    try (InputStream in = part.getInputStream()) {
                        blob = in.readAllBytes();
                    }
                } else if (part.isMimeType("multipart/alternative") && wrapper == null
                        && part.getContent() instanceof Multipart alternative) {
                    wrapper = wrapper(alternative);
                }
            }
            if (blob == null) {
                throw malformed("not a protected message: no " + ProtectedMessageFormat.MEDIA_TYPE + " part", null);
            }
            if (blob.length == 0) {
                throw malformed("the protected blob is empty", null);
            }
            if (wrapper == null) {
                throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED,
                        "the readable wrapper (multipart/alternative) is missing from the protected message");
            }
            return new Parts(headerContentId(message), headerRightsServer(message), wrapper, blob);
        } catch (MessagingException | IOException e) {
            throw malformed("the protected message cannot be read as MIME: " + e.getMessage(), e);
        }
    }

    private static Wrapper wrapper(Multipart alternative) throws MessagingException, IOException {
        String text = null;
        String html = null;
        for (int index = 0; index < alternative.getCount(); index++) {
            BodyPart part = alternative.getBodyPart(index);
            if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
        if (text == null || html == null) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED,
                    "the readable wrapper lacks its " + (text == null ? "text/plain" : "text/html") + " part");
        }
        return new Wrapper(text, html);
    }

    static Optional<String> headerContentId(MimeMessage message) throws MessagingException {
        String value = message.getHeader(ProtectedMessageFormat.HEADER, null);
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = CONTENT_ID.matcher(value);
        if (!matcher.find()) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, ProtectedMessageFormat.HEADER
                    + " does not name a content-id: " + value);
        }
        return Optional.of(matcher.group(1));
    }

    static Optional<URI> headerRightsServer(MimeMessage message) throws MessagingException {
        String value = message.getHeader(ProtectedMessageFormat.HEADER, null);
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = RIGHTS_SERVER.matcher(value);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(matcher.group(1));
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, ProtectedMessageFormat.HEADER
                        + " names a rights server that is not an https URL: " + matcher.group(1));
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, ProtectedMessageFormat.HEADER
                    + " names a rights server that is not a URL: " + matcher.group(1), e);
        }
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType();
        } catch (ParseException | NullPointerException e) {
            return String.valueOf(contentType);
        }
    }

    private static ProtectionRefusedException malformed(String message, Throwable cause) {
        return new ProtectionRefusedException(Refusal.MALFORMED, message, cause);
    }
}
