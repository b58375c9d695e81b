package org.sealmail.crypto.rights.license;

import java.time.Instant;
import java.util.Objects;
import org.sealmail.crypto.rights.UsageRights;

/**
 * What a recipient's client holds to open one protected message (certificate-based, offline
 * licensing): derived once from the sender-signed publishing license after decrypting with the
 * recipient's own key, then cached and honoured until {@code notAfter}. Serialized and sealed by
 * {@link UseLicenseJws}.
 *
 * @param contentId the message's content id
 * @param issuer who granted the rights: the publishing license's issuer (the sender)
 * @param licensee the licensee's address, lower case
 * @param deviceKeyId the {@code x5t#S256} of the licensee's certificate whose key holds the license
 * @param rights the rights granted (from the publishing license; OWNER for the sender)
 * @param issuedAt the first open (UTC, whole seconds)
 * @param notAfter min(message expiry, first open + offline days) (UTC, whole seconds)
 * @param wrappedContentKey the content-encryption key as a JWE (compact) to the device key
 * @param publishingLicense the sender-signed publishing license JWS (compact) the rights come from
 */
public record UseLicense(String contentId, String issuer, String licensee, String deviceKeyId, UsageRights rights,
        Instant issuedAt, Instant notAfter, String wrappedContentKey, String publishingLicense) {

    /** Format version written as {@code ver}. */
    public static final int VERSION = 1;

    /** Checks that no field is missing. */
    public UseLicense {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(licensee, "licensee");
        Objects.requireNonNull(deviceKeyId, "deviceKeyId");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(wrappedContentKey, "wrappedContentKey");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
    }

    /**
     * @param now the current time (UTC)
     * @return true if {@code now} is at or after notAfter
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(notAfter);
    }
}
