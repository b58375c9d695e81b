package org.sealmail.crypto.smime.sign;

/** How an RSA key signs (RFC 8017 §8): the scheme is ignored for EC keys, which sign with ECDSA. */
public enum RsaSignatureScheme {
    /** RSASSA-PKCS1-v1_5 (RFC 8017 §8.2), the form every S/MIME client verifies. */
    PKCS1_V1_5,
    /**
     * RSASSA-PSS (RFC 8017 §8.1, RFC 4056) with MGF1 over the same digest and a salt as long
     * as the digest output.
     */
    PSS
}
