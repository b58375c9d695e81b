package org.sealmail.crypto.smime.sign;

/** The two S/MIME forms of a signed message (RFC 8551 §3.5). */
public enum SignatureFormat {
    /**
     * Clear-signed {@code multipart/signed} (RFC 8551 §3.5.3, RFC 1847): the content stays
     * readable by clients without S/MIME; the signature is a detached SignedData in an
     * {@code application/pkcs7-signature} part.
     */
    DETACHED,
    /**
     * {@code application/pkcs7-mime; smime-type=signed-data} (RFC 8551 §3.5.2): the content is
     * encapsulated in the SignedData and readable only by S/MIME clients.
     */
    OPAQUE
}
