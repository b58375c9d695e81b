package org.sealmail.crypto.rights.license;

import java.util.Objects;

/**
 * A use license that passed {@link UseLicenseJws#verify}, with the publishing license it rests on.
 *
 * @param license the use license
 * @param publishingLicense the sender-signed publishing license embedded in it, verified
 */
public record VerifiedUseLicense(UseLicense license, SignedPublishingLicense publishingLicense) {

    /** Checks that no field is missing. */
    public VerifiedUseLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
    }
}
