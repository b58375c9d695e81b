package org.sealmail.crypto.rights.license;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A use license issued by a rights server that passed {@link ServerUseLicenseJws#verify}
 * (docs/rights-server-api.md §5).
 *
 * @param license the use license; with double key encryption its {@code wrappedContentKey} holds share A
 * @param compact its JWS compact serialization, as received
 * @param publishingLicense the sender-signed publishing license embedded in it, verified
 * @param rightsServer the server that signed it ({@code srv}, equal to the publishing license's {@code rights_server})
 * @param signer the server key certificate that signed it
 * @param doubleKey share B and the key service, when the message uses double key encryption
 */
public record ServerIssuedLicense(UseLicense license, String compact, SignedPublishingLicense publishingLicense,
        URI rightsServer, X509Certificate signer, Optional<DoubleKeyShare> doubleKey) {

    /** Checks that no field is missing. */
    public ServerIssuedLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
        Objects.requireNonNull(rightsServer, "rightsServer");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(doubleKey, "doubleKey");
    }

    /**
     * The {@code dke} member of a use license under double key encryption.
     *
     * @param shareB share B as the sender registered it: a JWE only the key service unwraps
     * @param keyService the key service's URL
     */
    public record DoubleKeyShare(String shareB, URI keyService) {

        /** Checks that no field is missing. */
        public DoubleKeyShare {
            Objects.requireNonNull(shareB, "shareB");
            Objects.requireNonNull(keyService, "keyService");
        }
    }
}
