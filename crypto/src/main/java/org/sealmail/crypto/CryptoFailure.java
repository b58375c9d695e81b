package org.sealmail.crypto;

/**
 * Why a cryptographic operation was refused. Stable identifiers: the CLI maps each to a
 * documented exit code and the UI to a localized message, so never rename a constant.
 */
public enum CryptoFailure {
    /** The input is not the structure expected: empty, truncated, bad base64, not MIME, not CMS. */
    MALFORMED_INPUT,
    /** None of the recipient infos in an EnvelopedData/AuthEnvelopedData matches a key we hold. */
    NO_MATCHING_KEY,
    /** Integrity check failed: a GCM tag, a MAC, a padding or a key unwrap did not verify. */
    AUTHENTICATION_FAILED,
    /** An algorithm identifier (OID) we do not implement or refuse on policy. */
    UNSUPPORTED_ALGORITHM,
    /** A recipient of an encryption has no usable certificate. */
    RECIPIENT_CERTIFICATE_MISSING,
    /** A key store could not be opened: wrong password, corrupt file or no private key inside. */
    KEY_STORE,
    /** A certificate could not be read or is unusable for the requested operation. */
    CERTIFICATE,
    /** An input/output error while reading or writing a stream or file. */
    IO
}
