package org.sealmail.crypto.smime.sign;

import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.smime.SmimeCapabilities;

/**
 * How {@link SmimeSigner} signs.
 *
 * @param format detached multipart/signed or opaque signed-data
 * @param digest the digest; empty for the default of the key: SHA-384 for P-384, SHA-512 for
 *     P-521, SHA-256 otherwise
 * @param rsaScheme PKCS#1 v1.5 or PSS, for RSA keys
 * @param capabilities the SMIMECapabilities attribute to send (RFC 8551 §2.5.2)
 */
public record SigningOptions(SignatureFormat format, Optional<DigestAlgorithm> digest, RsaSignatureScheme rsaScheme,
        SmimeCapabilities capabilities) {

    /** Checks the mandatory fields. */
    public SigningOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(rsaScheme, "rsaScheme");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /** @return detached, the key's default digest, PKCS#1 v1.5, Sealmail's capabilities */
    public static SigningOptions defaults() {
        return new SigningOptions(SignatureFormat.DETACHED, Optional.empty(), RsaSignatureScheme.PKCS1_V1_5,
                SmimeCapabilities.sealmailDefault());
    }

    /** @return a copy with another format */
    public SigningOptions withFormat(SignatureFormat value) {
        return new SigningOptions(value, digest, rsaScheme, capabilities);
    }

    /** @return a copy with an explicit digest */
    public SigningOptions withDigest(DigestAlgorithm value) {
        return new SigningOptions(format, Optional.of(value), rsaScheme, capabilities);
    }

    /** @return a copy with another RSA scheme */
    public SigningOptions withRsaScheme(RsaSignatureScheme value) {
        return new SigningOptions(format, digest, value, capabilities);
    }
}
