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
 * The inner message made safe to show in a browser: headers as text, every displayable part in
 * message order, each on its own (HTML sanitized with jsoup: no scripts, event handlers, forms or
 * remote images, only {@code data:} images; plain text escaped; of a multipart/alternative the
 * HTML, else the text), and the attachment names. Never written to disk.
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
            String body = bodies.blocks.isEmpty() ? "<pre class=\"plain\"></pre>"
                    : String.join("\n<hr class=\"part\">\n", bodies.blocks);
            return new RenderedMessage(Optional.ofNullable(message.getSubject()).orElse("(no subject)"),
                    Optional.ofNullable(message.getHeader("From", ", ")).orElse(""),
                    Optional.ofNullable(message.getHeader("Date", null)).orElse(""), body, bodies.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the protected message's MIME structure cannot be read: " + e.getMessage(), e);
        }
    }

    /** The displayable parts in message order, each rendered on its own, and the attachments. */
    private static final class Bodies {
        private final List<String> blocks = new ArrayList<>();
        private final List<String> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null && !part.isMimeType("multipart/*")) {
            bodies.attachments.add(fileName == null ? "(unnamed attachment)" : fileName);
            return;
        }
        if (part.isMimeType("multipart/alternative")) {
            collect(preferred((Multipart) part.getContent()), bodies);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int index = 0; index < multipart.getCount(); index++) {
                collect(multipart.getBodyPart(index), bodies);
            }
        } else if (part.isMimeType("text/html")) {
            Document clean = Jsoup.parseBodyFragment(Jsoup.clean(part.getContent().toString(), SAFELIST));
            clean.select("a[href]").attr("rel", "noopener noreferrer nofollow").attr("target", "_blank");
            bodies.blocks.add(clean.body().html());
        } else if (part.isMimeType("text/plain")) {
            bodies.blocks.add("<pre class=\"plain\">" + ReaderPages.escape(part.getContent().toString()) + "</pre>");
        } else {
            bodies.attachments.add("(unnamed part, " + new jakarta.mail.internet.ContentType(part.getContentType())
                    .getBaseType().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    /**
     * RFC 2046 §5.1.4: the alternatives are in increasing order of preference; the last one shown
     * here (HTML, else plain text, else the last part) wins.
     */
    private static Part preferred(Multipart alternatives) throws MessagingException {
        Part html = null;
        Part text = null;
        for (int index = 0; index < alternatives.getCount(); index++) {
            BodyPart child = alternatives.getBodyPart(index);
            if (child.isMimeType("text/html")) {
                html = child;
            } else if (child.isMimeType("text/plain")) {
                text = child;
            }
        }
        if (html != null) {
            return html;
        }
        return text != null ? text : alternatives.getBodyPart(alternatives.getCount() - 1);
    }
}
