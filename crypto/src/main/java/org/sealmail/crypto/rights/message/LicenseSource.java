package org.sealmail.crypto.rights.message;

/** Where the license that opened a message came from. */
public enum LicenseSource {
    /** Derived now from the publishing license, after unwrapping the content key with the private key. */
    PRIVATE_KEY,
    /** A cached use license: the content key came from it, no RecipientInfo was processed. */
    CACHED_USE_LICENSE,
    /** Issued now by the rights server (online licensing) after sign-in, for this device key. */
    RIGHTS_SERVER
}
