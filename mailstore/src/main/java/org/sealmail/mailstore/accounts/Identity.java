package org.sealmail.mailstore.accounts;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A sender identity of an account. The user's own keys stay in PKCS#12 files; the store keeps
 * their paths only.
 *
 * @param displayName the name shown in From, or {@code null}
 * @param address the e-mail address (lower case)
 * @param signingKeyStore the PKCS#12 file with the S/MIME signing key and its chain, or {@code null}
 * @param encryptionKeyStore the PKCS#12 file with the key and certificate for encryption to this
 *     identity (may be the same file as the signing one), or {@code null}
 */
public record Identity(String displayName, String address, Path signingKeyStore, Path encryptionKeyStore) {

    /** Checks the address. */
    public Identity {
        Objects.requireNonNull(address, "address");
        if (!address.contains("@")) {
            throw new IllegalArgumentException("identity address '" + address + "' has no @");
        }
    }
}
