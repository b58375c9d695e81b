package org.sealmail.app.ui.reader;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sealmail.crypto.rights.UsageRight;

/**
 * An S/MIME message (RFC 8551): signed, encrypted or both. S/MIME carries no usage rights, so
 * every right is held once the content is readable.
 *
 * @param signature the signature check, when signed
 * @param encryption the decryption result, when encrypted
 */
public record SmimeProtection(Optional<SignatureCheck> signature, Optional<EncryptionCheck> encryption)
        implements ProtectionStatus {

    /** Rejects nulls and a message that is neither signed nor encrypted. */
    public SmimeProtection {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(encryption, "encryption");
        if (signature.isEmpty() && encryption.isEmpty()) {
            throw new IllegalArgumentException("an S/MIME message is signed, encrypted or both");
        }
    }

    @Override
    public Set<UsageRight> rights() {
        return contentAvailable() ? EnumSet.allOf(UsageRight.class) : Set.of();
    }

    @Override
    public boolean contentAvailable() {
        return encryption.map(e -> e.outcome() == EncryptionCheck.Outcome.DECRYPTED).orElse(true);
    }

    @Override
    public boolean decrypted() {
        return encryption.isPresent();
    }
}
