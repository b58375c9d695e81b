package org.sealmail.mailstore.certificates;

/** How a certificate came into the directory. */
public enum CertificateSource {
    /** Taken from a verified signed message. */
    HARVESTED,
    /** Imported by the user from a file. */
    IMPORTED
}
