package org.sealmail.crypto.rights.message;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The inner SignedData of a protected message after its signature verified.
 *
 * @param content the inner MIME message bytes
 * @param publishingLicense the publishing license JWS (compact) from the signed attribute
 * @param signer the certificate whose key made the signature
 * @param certificates every certificate carried in the SignedData (for path validation)
 */
record VerifiedContent(byte[] content, String publishingLicense, X509Certificate signer, List<X509Certificate> certificates) {
}
