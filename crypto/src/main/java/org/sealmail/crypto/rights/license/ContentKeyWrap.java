package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * Wraps a content-encryption key to a device key as a JWE (RFC 7516, compact serialization):
 * RSA-OAEP-256 for RSA keys, ECDH-ES+A256KW for EC keys, content A256GCM, {@code kid} the
 * device key id. The JWE plaintext is the raw key (32 bytes for AES-256).
 */
public final class ContentKeyWrap {

    private ContentKeyWrap() {
    }

    /**
     * @param contentKey the raw content-encryption key
     * @param device the device certificate whose public key receives it
     * @return the JWE compact serialization
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key type JOSE cannot wrap to
     */
    public static String wrap(byte[] contentKey, X509Certificate device) {
        return wrap(contentKey, device.getPublicKey(), CertificateReference.thumbprint(device));
    }

    /**
     * @param contentKey the raw key (or a double-key share)
     * @param device the public key that receives it (a device key without certificate, docs/rights-server-api.md §5)
     * @param keyId the {@code kid} to name it by
     * @return the JWE compact serialization
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key type JOSE cannot wrap to
     */
    public static String wrap(byte[] contentKey, java.security.PublicKey device, String keyId) {
        try {
            JWEHeader header = new JWEHeader.Builder(JoseKeys.wrapAlgorithm(device), JoseKeys.WRAP_ENCRYPTION)
                    .keyID(keyId).build();
            JWEObject jwe = new JWEObject(header, new Payload(contentKey));
            jwe.encrypt(JoseKeys.encrypter(device));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot wrap the content-encryption key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param wrapped the JWE compact serialization
     * @param deviceKey the device's private key
     * @return the raw content-encryption key
     * @throws ProtectionRefusedException {@link Refusal#MALFORMED} if it is not a JWE,
     *     {@link Refusal#LICENSE_SIGNATURE_INVALID} if it does not decrypt with this key
     */
    public static byte[] unwrap(String wrapped, PrivateKey deviceKey) {
        try {
            JWEObject jwe = JWEObject.parse(wrapped);
            jwe.decrypt(JoseKeys.decrypter(deviceKey));
            return jwe.getPayload().toBytes();
        } catch (ParseException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "the wrapped content key is not a JWE: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new ProtectionRefusedException(Refusal.LICENSE_SIGNATURE_INVALID,
                    "the wrapped content key does not decrypt with this device key: " + e.getMessage(), e);
        }
    }
}
