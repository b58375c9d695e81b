package org.sealmail.app.ui.reader;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sealmail.crypto.rights.UsageRight;

/**
 * A rights-protected message (Encrypt, Do Not Forward or a custom template) as opened for this reader.
 *
 * @param templateName the template's display name, e.g. "Do Not Forward"
 * @param protectedBy who protected it (the publishing license's issuer address)
 * @param granted the rights granted to this reader (empty unless {@code outcome} is OPENED)
 * @param notAfter when the content expires, if it does (UTC)
 * @param outcome the result of opening
 */
public record RightsProtection(String templateName, String protectedBy, Set<UsageRight> granted,
        Optional<Instant> notAfter, Outcome outcome) implements ProtectionStatus {

    /** The result of opening a rights-protected message. */
    public enum Outcome {
        /** Opened: content available under the granted rights. */
        OPENED,
        /** The message or its use license has expired: no content. */
        EXPIRED,
        /** This reader is not among the licensed recipients: no content. */
        NOT_A_RECIPIENT,
        /** Altered after protection (signature, tag, recipients or license mismatch): no content. */
        TAMPERED,
        /** Not a well-formed protected message: no content. */
        MALFORMED,
        /** No cached use license and the rights server could not be reached: no content. */
        LICENSE_UNAVAILABLE,
        /** The sender revoked the message at the rights server: no content. */
        REVOKED
    }

    /** Copies the rights and rejects nulls; a failed open holds no rights. */
    public RightsProtection {
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(protectedBy, "protectedBy");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(outcome, "outcome");
        granted = outcome == Outcome.OPENED && !granted.isEmpty()
                ? Set.copyOf(EnumSet.copyOf(granted)) : Set.of();
    }

    @Override
    public Set<UsageRight> rights() {
        return granted;
    }

    @Override
    public boolean contentAvailable() {
        return outcome == Outcome.OPENED;
    }

    @Override
    public boolean decrypted() {
        return true;
    }
}
