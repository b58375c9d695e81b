package org.sealmail.crypto.smime.verify;

/** The result of the cryptographic check of one SignerInfo (RFC 5652 §5.6). */
public enum SignatureCheck {
    /** The message digest and the signature verify with the signer's public key. */
    CORRECT,
    /** The digest or signature does not verify, or the signed attributes are malformed. */
    INCORRECT,
    /** The signature is mathematically correct but uses an algorithm refused by policy (SHA-1, MD5). */
    REFUSED_ALGORITHM,
    /** The digest or signature algorithm is not implemented (unknown OID): nothing could be checked. */
    UNSUPPORTED_ALGORITHM,
    /** The signer's certificate is neither in the message nor among the known certificates: nothing could be checked. */
    CERTIFICATE_MISSING
}
