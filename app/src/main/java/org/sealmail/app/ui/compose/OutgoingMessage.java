package org.sealmail.app.ui.compose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as composed: what the outbox protects, queues and submits, or what a draft stores.
 *
 * @param accountId the sending account
 * @param to To addresses (bare addr-specs)
 * @param cc Cc addresses
 * @param bcc Bcc addresses
 * @param subject the subject
 * @param body the body text (plain text, or HTML when {@code html})
 * @param html whether the body is HTML
 * @param attachments the attachments
 * @param protection the chosen protection
 * @param inReplyTo the Message-ID store id of the message replied to or forwarded, if any
 * @param overrideReason the user's reason to send despite warning rules (audit-logged, never put
 *                       into the message), if given
 */
public record OutgoingMessage(long accountId, List<String> to, List<String> cc, List<String> bcc, String subject,
        String body, boolean html, List<OutgoingAttachment> attachments, ProtectionChoice protection,
        Optional<Long> inReplyTo, Optional<String> overrideReason) {

    /** Copies the lists and rejects nulls. */
    public OutgoingMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(overrideReason, "overrideReason");
    }

    /** @return all recipients: To, then Cc, then Bcc */
    public List<String> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}
