package org.sealmail.mailstore.messages;

import java.time.Instant;
import java.util.List;

/**
 * What {@link MessageParser} read from a raw message: the envelope, the MIME structure, the
 * protection and, for unprotected mail only, the plain text to index.
 *
 * @param messageId the Message-ID without angle brackets, or {@code null}
 * @param subject the decoded subject, or {@code null}
 * @param from the From addresses
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param sentDate the Date header, or {@code null} if absent or unparseable
 * @param inReplyTo the first In-Reply-To id (no brackets), or {@code null}
 * @param references the References ids in order (no brackets)
 * @param mimeStructure the content types as a tree, e.g. {@code multipart/mixed(text/plain,application/pdf)}
 * @param protection the protection seen
 * @param bodyText the plain text of the body for the full-text index; always {@code null} unless
 *     {@link MessageProtection#allowsBodyIndexing()}
 * @param parseWarning what was malformed, or {@code null} for a well-formed message
 */
public record ParsedMessage(String messageId, String subject, List<MailAddress> from, List<MailAddress> to,
        List<MailAddress> cc, Instant sentDate, String inReplyTo, List<String> references, String mimeStructure,
        MessageProtection protection, String bodyText, String parseWarning) {

    /**
     * Copies the lists and enforces the rule of the store: no body text for a protected message.
     *
     * @throws IllegalArgumentException if body text is given for a protected message
     */
    public ParsedMessage {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        if (bodyText != null && !protection.allowsBodyIndexing()) {
            throw new IllegalArgumentException("the body text of a " + protection + " message is never stored or indexed");
        }
    }

    /**
     * @return the ancestors' Message-IDs, oldest first, as JWZ threading takes them: References if
     *     present, otherwise In-Reply-To (https://www.jwz.org/doc/threading.html)
     */
    public List<String> parentIds() {
        if (!references.isEmpty()) {
            return references;
        }
        return inReplyTo == null ? List.of() : List.of(inReplyTo);
    }
}
