package org.sealmail.crypto.rights.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.keys.PathValidation;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.PublishingLicense;

/**
 * The outcome of opening a protected message, as data. Content is present only when the status
 * is {@link OpenStatus#OPENED}; the publishing license is present whenever its signature
 * verified (also when the message expired or grants this user nothing).
 *
 * @param status what happened
 * @param refusal the specific reason when not opened
 * @param reason in words for a user: why it was refused, or how it was opened
 * @param publishingLicense the verified publishing license, when it was reached
 * @param rights the rights granted to this user (empty unless opened)
 * @param notAfter when the license that opened it stops being honoured (UTC), when opened
 * @param source where that license came from, when opened
 * @param issuerPath the issuer certificate's path validation, when trust anchors were configured
 * @param content the inner message bytes, only when opened
 */
public record OpenResult(OpenStatus status, Optional<Refusal> refusal, String reason,
        Optional<PublishingLicense> publishingLicense, UsageRights rights, Optional<Instant> notAfter,
        Optional<LicenseSource> source, Optional<PathValidation> issuerPath, Optional<byte[]> content) {

    /** Checks consistency: content if and only if opened, a refusal if and only if not opened. */
    public OpenResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rights, "rights");
        if ((status == OpenStatus.OPENED) != content.isPresent() || (status == OpenStatus.OPENED) == refusal.isPresent()) {
            throw new IllegalArgumentException("content and refusal must match the status " + status);
        }
        content = content.map(byte[]::clone);
    }

    static OpenResult refused(Refusal refusal, String reason, Optional<PublishingLicense> publishingLicense,
            Optional<PathValidation> issuerPath) {
        return new OpenResult(refusal.status(), Optional.of(refusal), reason, publishingLicense, UsageRights.none(),
                Optional.empty(), Optional.empty(), issuerPath, Optional.empty());
    }

    /** @return true if the message opened */
    public boolean opened() {
        return status == OpenStatus.OPENED;
    }

    @Override
    public Optional<byte[]> content() {
        return content.map(byte[]::clone);
    }
}
