package org.sealmail.app.ui.reader;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message opened for reading: headers, protection status and the parts to render. Protected
 * content lives only in this object's memory.
 *
 * @param id the store's message id
 * @param from the From header
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param subject the subject
 * @param date the Date header (UTC)
 * @param protection the protection status
 * @param parts the parts to render, each on its own, in order (empty when no content is available)
 * @param attachments the attachments
 */
public record OpenedMessage(long id, String from, List<String> to, List<String> cc, String subject, Instant date,
        ProtectionStatus protection, List<DisplayPart> parts, List<AttachmentInfo> attachments) {

    /** Copies the lists, rejects nulls and drops content the protection does not make available. */
    public OpenedMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(protection, "protection");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        parts = protection.contentAvailable() ? List.copyOf(parts) : List.of();
        attachments = protection.contentAvailable() ? List.copyOf(attachments) : List.of();
    }
}
