package org.sealmail.crypto.rights.message;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sender registers with the rights server for a message protected with online licensing
 * ({@code POST /api/v1/messages}, docs/rights-server-api.md §3). Exactly one of {@code contentKey}
 * and {@code doubleKey} is present.
 *
 * @param rightsServer the rights server's URL
 * @param contentId the message's content id
 * @param publishingLicense the publishing license JWS, compact, exactly as in the SignedData attribute
 * @param contentKey the content-encryption key as a JWE to the rights server's current key (single key)
 * @param doubleKey the two shares (double key encryption)
 * @param content the protected blob (DER AuthEnvelopedData) for the web reader; absent with double key encryption
 * @param branding the wrapper's branding, which the web reader shows too
 */
public record Registration(URI rightsServer, String contentId, String publishingLicense, Optional<String> contentKey,
        Optional<DoubleKeyShares> doubleKey, Optional<byte[]> content, Branding branding) {

    /** Checks that exactly one key form is present and that no blob goes with double key encryption. */
    public Registration {
        Objects.requireNonNull(rightsServer, "rightsServer");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(publishingLicense, "publishingLicense");
        Objects.requireNonNull(branding, "branding");
        if (contentKey.isPresent() == doubleKey.isPresent()) {
            throw new IllegalArgumentException("a registration carries either the content key or the double-key shares");
        }
        if (doubleKey.isPresent() && content.isPresent()) {
            throw new IllegalArgumentException("no content upload with double key encryption");
        }
        content = content.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> content() {
        return content.map(byte[]::clone);
    }

    /**
     * The shares of double key encryption: K = A XOR B, each share alone uniformly random.
     *
     * @param shareA A as a JWE to the rights server's current key
     * @param shareB B as a JWE to the key service's key (opaque to the rights server)
     * @param keyService the key service's URL
     */
    public record DoubleKeyShares(String shareA, String shareB, URI keyService) {

        /** Checks that no field is missing. */
        public DoubleKeyShares {
            Objects.requireNonNull(shareA, "shareA");
            Objects.requireNonNull(shareB, "shareB");
            Objects.requireNonNull(keyService, "keyService");
        }
    }
}
