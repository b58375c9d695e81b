package org.sealmail.crypto.smime.sign;

import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The message digests Sealmail signs with: the SHA-2 family of RFC 5754, as RFC 8551 §2.1
 * requires. SHA-1 and MD5 are not offered.
 */
public enum DigestAlgorithm {
    /** SHA-256 (2.16.840.1.101.3.4.2.1). */
    SHA256("SHA-256", "SHA256", "sha-256", "2.16.840.1.101.3.4.2.1"),
    /** SHA-384 (2.16.840.1.101.3.4.2.2). */
    SHA384("SHA-384", "SHA384", "sha-384", "2.16.840.1.101.3.4.2.2"),
    /** SHA-512 (2.16.840.1.101.3.4.2.3). */
    SHA512("SHA-512", "SHA512", "sha-512", "2.16.840.1.101.3.4.2.3");

    private final String displayName;
    private final String jcaPrefix;
    private final String micalg;
    private final String oid;

    DigestAlgorithm(String displayName, String jcaPrefix, String micalg, String oid) {
        this.displayName = displayName;
        this.jcaPrefix = jcaPrefix;
        this.micalg = micalg;
        this.oid = oid;
    }

    /** @return the name for people, e.g. "SHA-256" */
    public String displayName() {
        return displayName;
    }

    /** @return the prefix of JCA signature names, e.g. "SHA256" in "SHA256withRSA" */
    public String jcaPrefix() {
        return jcaPrefix;
    }

    /** @return the multipart/signed micalg parameter value (RFC 8551 §3.5.3.2), e.g. "sha-256" */
    public String micalg() {
        return micalg;
    }

    /** @return the dotted object identifier */
    public String oid() {
        return oid;
    }

    /**
     * @param name "sha256", "sha-256", "SHA-256" and the like
     * @return the algorithm
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for any other name
     */
    public static DigestAlgorithm fromName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (normalized) {
            case "sha256" -> SHA256;
            case "sha384" -> SHA384;
            case "sha512" -> SHA512;
            default -> throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                    "digest \"" + name + "\" is not offered for signing; use sha256, sha384 or sha512");
        };
    }
}
