package org.sealmail.app.ui.compose;

import java.util.Objects;
import java.util.Optional;

/**
 * The protection chosen in the composer: at most one rights template (Encrypt, Do Not Forward or
 * a custom one) or S/MIME (sign, encrypt or both).
 *
 * @param templateId the rights template's id ({@code "encrypt"}, {@code "do-not-forward"} or a custom id)
 * @param smimeSign sign with S/MIME (RFC 8551)
 * @param smimeEncrypt encrypt with S/MIME (RFC 8551)
 */
public record ProtectionChoice(Optional<String> templateId, boolean smimeSign, boolean smimeEncrypt) {

    /** The built-in Encrypt template's id. */
    public static final String ENCRYPT = "encrypt";
    /** The built-in Do Not Forward template's id. */
    public static final String DO_NOT_FORWARD = "do-not-forward";
    /** No protection. */
    public static final ProtectionChoice NONE = new ProtectionChoice(Optional.empty(), false, false);

    /** Rejects a rights template combined with S/MIME (the protected format signs and encrypts itself). */
    public ProtectionChoice {
        Objects.requireNonNull(templateId, "templateId");
        if (templateId.isPresent() && (smimeSign || smimeEncrypt)) {
            throw new IllegalArgumentException("a rights template cannot be combined with S/MIME");
        }
    }

    /** @return whether every recipient must be checked (certificate or rights server) before sending */
    public boolean encrypts() {
        return templateId.isPresent() || smimeEncrypt;
    }
}
