package org.sealmail.rights.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered message as stored: no plain key, only JWEs.
 *
 * @param cid content id
 * @param issuer the sender's address
 * @param ownerThumbprint {@code x5t#S256} of the sender's certificate
 * @param publishingLicense the publishing license JWS, verbatim
 * @param contentKey the content-encryption key as JWE to a server key (single key)
 * @param shareA share A as JWE to a server key (double key)
 * @param shareB share B as JWE to the key service (double key; opaque here)
 * @param keyService the key service URL (double key)
 * @param content base64 of the protected blob, if uploaded
 * @param branding the branding JSON, if given
 * @param registeredAt registration time (UTC)
 * @param notAfter effective expiry, empty for never
 * @param revokedAt revocation time, if revoked
 * @param revocationReason the sender's reason, if given
 */
public record StoredMessage(String cid, String issuer, String ownerThumbprint, String publishingLicense,
        Optional<String> contentKey, Optional<String> shareA, Optional<String> shareB, Optional<String> keyService,
        Optional<String> content, Optional<String> branding, Instant registeredAt, Optional<Instant> notAfter,
        Optional<Instant> revokedAt, Optional<String> revocationReason) {

    /** Checks that no field is null. */
    public StoredMessage {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** @return true if registered with double key encryption */
    public boolean doubleKey() {
        return shareA.isPresent();
    }

    /**
     * @param now the current time
     * @return true if the effective expiry is at or before now
     */
    public boolean isExpiredAt(Instant now) {
        return notAfter.isPresent() && !now.isBefore(notAfter.get());
    }
}
