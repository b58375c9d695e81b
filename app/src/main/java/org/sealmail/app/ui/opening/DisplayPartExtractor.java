package org.sealmail.app.ui.opening;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sealmail.app.ui.reader.AttachmentInfo;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.InlineImage;

/**
 * Walks a MIME tree (RFC 2045/2046) and collects what the reader shows: one representation of
 * each multipart/alternative (HTML preferred), inline text parts, {@code cid:} images of
 * multipart/related (RFC 2387), and attachments. The subtree inside a multipart/signed gets the
 * origin given for signed content, parts outside it the origin given for the rest, so a partly
 * signed message shows which parts the signature covers.
 */
final class DisplayPartExtractor {

    private final List<DisplayPart> parts = new ArrayList<>();
    private final List<AttachmentInfo> attachments = new ArrayList<>();

    /** @return the display parts found, in order */
    List<DisplayPart> parts() {
        return parts;
    }

    /** @return the attachments found, in order */
    List<AttachmentInfo> attachments() {
        return attachments;
    }

    /**
     * @param part the root part (a message or a body part)
     * @param origin the origin of parts outside any multipart/signed
     * @param signedOrigin the origin of parts inside a multipart/signed
     * @throws MessagingException on MIME structure errors
     * @throws IOException when content cannot be read
     */
    void walk(Part part, DisplayPart.Origin origin, DisplayPart.Origin signedOrigin) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.equals("multipart/signed") && part.getContent() instanceof Multipart signed && signed.getCount() > 0) {
            walk(signed.getBodyPart(0), signedOrigin, signedOrigin);
            return;
        }
        if (base.equals("multipart/alternative") && part.getContent() instanceof Multipart alternative) {
            Part best = null;
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart candidate = alternative.getBodyPart(i);
                String candidateType = contentType(candidate).getBaseType().toLowerCase(Locale.ROOT);
                if (best == null || candidateType.equals("text/html") || candidateType.startsWith("multipart/")) {
                    best = candidate;
                }
            }
            if (best != null) {
                walk(best, origin, signedOrigin);
            }
            return;
        }
        if (base.equals("multipart/related") && part.getContent() instanceof Multipart related && related.getCount() > 0) {
            Map<String, InlineImage> images = new HashMap<>();
            for (int i = 1; i < related.getCount(); i++) {
                BodyPart resource = related.getBodyPart(i);
                String[] ids = resource.getHeader("Content-ID");
                if (ids != null && ids.length > 0) {
                    String id = ids[0].trim().replaceAll("^<|>$", "");
                    images.put(id, new InlineImage(contentType(resource).getBaseType().toLowerCase(Locale.ROOT),
                            bytes(resource)));
                } else {
                    walk(resource, origin, signedOrigin);
                }
            }
            BodyPart root = related.getBodyPart(0);
            if (contentType(root).getBaseType().equalsIgnoreCase("text/html")) {
                parts.add(new DisplayPart(DisplayPart.Format.HTML, text(root), origin, images));
            } else {
                walk(root, origin, signedOrigin);
            }
            return;
        }
        if (base.startsWith("multipart/") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), origin, signedOrigin);
            }
            return;
        }
        if (base.equals("application/pkcs7-signature") || base.equals("application/x-pkcs7-signature")) {
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attachment && base.equals("text/plain")) {
            parts.add(new DisplayPart(DisplayPart.Format.PLAIN, text(part), origin, Map.of()));
        } else if (!attachment && base.equals("text/html")) {
            parts.add(new DisplayPart(DisplayPart.Format.HTML, text(part), origin, Map.of()));
        } else {
            byte[] content = bytes(part);
            String name = part.getFileName() != null ? MimeUtility.decodeText(part.getFileName())
                    : "attachment-" + (attachments.size() + 1);
            attachments.add(new AttachmentInfo(name, base, content.length, content));
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        try {
            return new ContentType(header == null ? "text/plain" : header);
        } catch (jakarta.mail.internet.ParseException e) {
            return new ContentType("application/octet-stream");
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        return new String(bytes(part), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part instanceof MimeBodyPart body ? body.getInputStream() : part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
