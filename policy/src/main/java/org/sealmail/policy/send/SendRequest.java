package org.sealmail.policy.send;

import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.template.ProtectionTemplate;

/**
 * A composed message to send.
 *
 * @param message the message as composed (From, To, Cc, Bcc, Subject, MIME body)
 * @param senderKey the sender's key, needed when a template or signing applies
 * @param chosenTemplate the template the user chose in the composer, if any (a rule may choose a stronger one)
 * @param chosenSigning whether the user chose S/MIME signing
 * @param chosenSmimeEncryption whether the user chose S/MIME encryption (replaced by a rights template when one applies)
 * @param overrideReason the user's reason to send despite warnings, if they gave one
 */
public record SendRequest(MimeMessage message, Optional<CertifiedKey> senderKey, Optional<ProtectionTemplate> chosenTemplate,
        boolean chosenSigning, boolean chosenSmimeEncryption, Optional<String> overrideReason) {

    /** Checks the fields. */
    public SendRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(chosenTemplate, "chosenTemplate");
        Objects.requireNonNull(overrideReason, "overrideReason");
    }

    /** @return a request to send the message with the sender's key, no protection chosen, no override */
    public static SendRequest of(MimeMessage message, CertifiedKey senderKey) {
        return new SendRequest(message, Optional.of(senderKey), Optional.empty(), false, false, Optional.empty());
    }

    /** @return a copy with the user's override reason */
    public SendRequest withOverrideReason(String reason) {
        return new SendRequest(message, senderKey, chosenTemplate, chosenSigning, chosenSmimeEncryption, Optional.of(reason));
    }

    /** @return a copy with the user's template choice */
    public SendRequest withChosenTemplate(ProtectionTemplate template) {
        return new SendRequest(message, senderKey, Optional.of(template), chosenSigning, chosenSmimeEncryption, overrideReason);
    }

    /** @return a copy with the user's S/MIME choices (sign, encrypt) */
    public SendRequest withSmime(boolean sign, boolean encrypt) {
        return new SendRequest(message, senderKey, chosenTemplate, sign, encrypt, overrideReason);
    }
}
