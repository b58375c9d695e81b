package org.sealmail.policy.content;

import java.util.List;
import java.util.Objects;

/**
 * An outgoing message as the rules see it: subject, every recipient (To, Cc and Bcc), the
 * decoded text of the body and of text attachments, and the attachments' names and types.
 *
 * @param subject the decoded subject (RFC 2047), empty if none
 * @param recipients bare addresses in lower case, To then Cc then Bcc
 * @param sections the decoded texts
 * @param attachments every attachment, text or not
 */
public record MessageContent(String subject, List<String> recipients, List<TextSection> sections,
        List<AttachmentFacts> attachments) {

    /** Checks and copies the fields. */
    public MessageContent {
        Objects.requireNonNull(subject, "subject");
        recipients = List.copyOf(recipients);
        sections = List.copyOf(sections);
        attachments = List.copyOf(attachments);
    }

    /** @return the sections of the body (not attachments) */
    public List<TextSection> body() {
        return sections.stream().filter(section -> section.kind() == SectionKind.BODY).toList();
    }
}
