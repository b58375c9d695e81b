package org.sealmail.crypto.smime.encrypt;

/**
 * The content-encryption algorithms Sealmail encrypts with (RFC 8551 §2.7).
 */
public enum ContentEncryption {
    /**
     * AES-256 in GCM mode, 12-byte nonce, 16-byte tag, in AuthEnvelopedData (RFC 5083, RFC 5084):
     * authenticated; the default.
     */
    AES_256_GCM("AES-256-GCM", "authEnveloped-data"),
    /**
     * AES-256 in CBC mode in EnvelopedData (RFC 5652 §6, RFC 3565): no integrity protection; only
     * for recipients that cannot decrypt AES-GCM.
     */
    AES_256_CBC("AES-256-CBC", "enveloped-data");

    private final String displayName;
    private final String smimeType;

    ContentEncryption(String displayName, String smimeType) {
        this.displayName = displayName;
        this.smimeType = smimeType;
    }

    /** @return the common name, e.g. "AES-256-GCM" */
    public String displayName() {
        return displayName;
    }

    /** @return the {@code smime-type} parameter of the application/pkcs7-mime part (RFC 8551 §3.2.2) */
    public String smimeType() {
        return smimeType;
    }

    /** @return true if the algorithm protects integrity (an AEAD tag) */
    public boolean authenticated() {
        return this == AES_256_GCM;
    }
}
