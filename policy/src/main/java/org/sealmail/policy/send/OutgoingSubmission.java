package org.sealmail.policy.send;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message ready for the outbox, with what the policy did to it.
 *
 * @param message the RFC 5322 message to transmit (CRLF line ends); a protected message has no Bcc header
 * @param envelopeSender the SMTP MAIL FROM address (the From address)
 * @param envelopeRecipients the SMTP RCPT TO addresses: To, Cc and Bcc of the composed message
 * @param firedRules the names of the rules that fired
 * @param protectionTemplateId the id of the rights template applied, if any
 * @param smimeSigned whether the pipeline signed it with S/MIME
 * @param smimeEncrypted whether the pipeline encrypted it with S/MIME
 * @param override the user's override of warnings, if the rules warned
 */
public record OutgoingSubmission(byte[] message, String envelopeSender, List<String> envelopeRecipients,
        List<String> firedRules, Optional<String> protectionTemplateId, boolean smimeSigned, boolean smimeEncrypted,
        Optional<PolicyOverride> override) {

    /** Checks and copies the fields. */
    public OutgoingSubmission {
        message = message.clone();
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        envelopeRecipients = List.copyOf(envelopeRecipients);
        firedRules = List.copyOf(firedRules);
        Objects.requireNonNull(protectionTemplateId, "protectionTemplateId");
        Objects.requireNonNull(override, "override");
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
