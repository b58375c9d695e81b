package org.sealmail.crypto.smime.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link SmimeVerifier} accepts beyond the standards' MUSTs.
 *
 * @param acceptSha1 whether SHA-1 digests (and PSS or ECDSA/DSA with SHA-1) are accepted; off by
 *     default, as in Thunderbird (RFC 8551 §2.1 keeps SHA-1 only for old messages). MD5 and
 *     older digests are always refused.
 * @param acceptWeakCertificateSignatures whether certificate paths may contain MD5- or
 *     SHA-1-signed certificates (validated with Bouncy Castle's PKIX instead of the JDK's, which
 *     refuses them through {@code jdk.certpath.disabledAlgorithms})
 * @param minimumKeyBits the smallest RSA or DSA signer key accepted
 * @param dateSkewWarning a signingTime further than this from the Date header gives a warning
 */
public record VerificationPolicy(boolean acceptSha1, boolean acceptWeakCertificateSignatures, int minimumKeyBits,
        Duration dateSkewWarning) {

    /** Checks the fields. */
    public VerificationPolicy {
        Objects.requireNonNull(dateSkewWarning, "dateSkewWarning");
        if (minimumKeyBits < 0) {
            throw new IllegalArgumentException("minimumKeyBits must not be negative");
        }
    }

    /**
     * @return the default: SHA-2 or stronger, certificate paths as strict as the JDK's, RSA/DSA
     *     keys of at least 2048 bits, a warning beyond one hour between signingTime and Date
     */
    public static VerificationPolicy modern() {
        return new VerificationPolicy(false, false, 2048, Duration.ofHours(1));
    }

    /**
     * @return a policy for archives of old mail: SHA-1 signatures, MD5/SHA-1-signed
     *     certificates and keys down to 1024 bits accepted (MD5 message digests and shorter keys
     *     are still refused)
     */
    public static VerificationPolicy legacy() {
        return new VerificationPolicy(true, true, 1024, Duration.ofHours(1));
    }
}
