package org.sealmail.crypto.rights.license;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.template.ProtectionTemplate;

/**
 * What the sender of a protected message grants, signed by the sender (JWS, see
 * {@link PublishingLicenseJws}) and carried as a signed attribute of the inner CMS SignedData.
 *
 * @param contentId the message's content id (random UUID), also an authenticated attribute of the envelope
 * @param issuer the sender's address, named by the signing certificate
 * @param issuedAt when the message was protected (UTC, whole seconds)
 * @param template the template applied (carried whole so replies can reuse it)
 * @param notAfter when the message stops opening (UTC), empty for never
 * @param offlineDays how many days a use license is honoured offline after first open
 * @param owner the sender's own entry (rights OWNER): the sender can always open what they sent
 * @param grants one grant per recipient, in the order of the recipients
 * @param rightsServer URL of the rights server, when online licensing is configured (its {@code public-url},
 *     no trailing slash)
 * @param wrapperDigest base64url SHA-256 of the readable wrapper's canonical text (see the format document)
 */
public record PublishingLicense(String contentId, String issuer, Instant issuedAt, ProtectionTemplate template,
        Optional<Instant> notAfter, int offlineDays, RecipientGrant owner, List<RecipientGrant> grants,
        Optional<URI> rightsServer, String wrapperDigest) {

    /** Format version written as {@code ver}. */
    public static final int VERSION = 1;

    /** Checks that no field is missing and copies the grants. */
    public PublishingLicense {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rightsServer, "rightsServer");
        Objects.requireNonNull(wrapperDigest, "wrapperDigest");
        grants = List.copyOf(grants);
    }

    /**
     * @param certificate a key holder's certificate
     * @return the owner entry if it is the sender's certificate, else the grant naming that certificate
     */
    public Optional<RecipientGrant> grantFor(X509Certificate certificate) {
        if (owner.certificate().filter(reference -> reference.matches(certificate)).isPresent()) {
            return Optional.of(owner);
        }
        return grants.stream().filter(grant -> grant.certificate().filter(reference -> reference.matches(certificate))
                .isPresent()).findFirst();
    }

    /**
     * @param licensee an address (compared trimmed and lower-cased)
     * @return the owner entry if it is the sender's address, else the grant naming that address
     */
    public Optional<RecipientGrant> grantFor(String licensee) {
        String address = licensee.trim().toLowerCase(java.util.Locale.ROOT);
        if (owner.licensee().equals(address)) {
            return Optional.of(owner);
        }
        return grants.stream().filter(grant -> grant.licensee().equals(address)).findFirst();
    }

    /**
     * @return the certificates the content-encryption key must be wrapped to: the owner's, then each grant's
     *     that has one (online grants have no RecipientInfo)
     */
    public List<CertificateReference> keyHolders() {
        List<CertificateReference> holders = new ArrayList<>();
        owner.certificate().ifPresent(holders::add);
        for (RecipientGrant grant : grants) {
            grant.certificate().ifPresent(holders::add);
        }
        return holders;
    }

    /**
     * @param now the current time (UTC)
     * @return true if the message has an expiry and it is not after {@code now}
     */
    public boolean isExpiredAt(Instant now) {
        return notAfter.isPresent() && !now.isBefore(notAfter.get());
    }
}
