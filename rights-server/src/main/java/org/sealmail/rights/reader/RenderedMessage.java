package org.sealmail.rights.reader;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The inner message made safe to show in a browser: headers as text, the HTML body sanitized
 * with jsoup (no scripts, event handlers, forms or remote images: only {@code data:} images) or
 * the plain text body, and the attachment names. Never written to disk.
 *
 * @param subject the Subject header
 * @param from the From header
 * @param date the Date header
 * @param bodyHtml sanitized HTML to place inside the page
 * @param attachments attachment file names
 */
public record RenderedMessage(String subject, String from, String date, String bodyHtml, List<String> attachments) {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https").addProtocols("img", "src", "data")
            .addAttributes("a", "rel").preserveRelativeLinks(false);

    /**
     * @param content the inner message, RFC 5322 bytes
     * @return the rendering
     * @throws IllegalArgumentException if the MIME structure cannot be read
     */
    public static RenderedMessage of(byte[] content) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content));
            Bodies bodies = new Bodies();
            collect(message, bodies);
            String body;
            if (bodies.html.isPresent()) {
                Document clean = Jsoup.parseBodyFragment(Jsoup.clean(bodies.html.get(), SAFELIST));
                clean.select("a[href]").attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
                body = clean.body().html();
            } else {
                body = "<pre class=\"plain\">" + ReaderPages.escape(bodies.text.orElse("")) + "</pre>";
            }
            return new RenderedMessage(Optional.ofNullable(message.getSubject()).orElse("(no subject)"),
                    Optional.ofNullable(message.getHeader("From", ", ")).orElse(""),
                    Optional.ofNullable(message.getHeader("Date", null)).orElse(""), body, bodies.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the protected message's MIME structure cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Bodies {
        private Optional<String> html = Optional.empty();
        private Optional<String> text = Optional.empty();
        private final List<String> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null && !part.isMimeType("multipart/*")) {
            bodies.attachments.add(fileName == null ? "(unnamed attachment)" : fileName);
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int index = 0; index < multipart.getCount(); index++) {
                BodyPart child = multipart.getBodyPart(index);
                collect(child, bodies);
            }
        } else if (part.isMimeType("text/html") && bodies.html.isEmpty()) {
            bodies.html = Optional.of(part.getContent().toString());
        } else if (part.isMimeType("text/plain") && bodies.text.isEmpty()) {
            bodies.text = Optional.of(part.getContent().toString());
        }
    }
}
