package org.sealmail.crypto.smime.encrypt;

/**
 * How the content-encryption key is encrypted to an RSA recipient (RFC 8551 §2.3). EC
 * recipients always get ECDH ephemeral-static key agreement (RFC 5753) instead.
 */
public enum KeyTransport {
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label (RFC 8017, RFC 4055 §4): the default. */
    RSA_OAEP_SHA256("RSAES-OAEP (SHA-256, MGF1-SHA-256)"),
    /** RSAES-PKCS1-v1_5 (RFC 8017 §7.2): for recipients whose software lacks OAEP. */
    RSA_PKCS1_V1_5("RSA PKCS#1 v1.5");

    private final String displayName;

    KeyTransport(String displayName) {
        this.displayName = displayName;
    }

    /** @return a readable name of the algorithm */
    public String displayName() {
        return displayName;
    }
}
