package org.sealmail.rights.license;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * A recipient device's public key, sent as a JWK (RFC 7517) with a use-license request: RSA of
 * 2048 bits or more, or EC P-256/P-384. Its id is the RFC 7638 SHA-256 thumbprint (base64url).
 *
 * @param jwk the public JWK
 * @param id the RFC 7638 thumbprint, the use license's {@code dev}
 */
public record DeviceKey(JWK jwk, String id) {

    /** Checks the fields. */
    public DeviceKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(id, "id");
    }

    /**
     * @param json the JWK members
     * @return the device key
     * @throws RightsProblem {@link ProblemReason#DEVICE_KEY_UNSUPPORTED} if it is not a public RSA (≥ 2048 bits)
     *     or EC P-256/P-384 JWK
     */
    public static DeviceKey parse(Map<String, Object> json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw unsupported("device_key is not a JWK: " + e.getMessage(), e);
        }
        if (jwk instanceof RSAKey rsa) {
            if (rsa.size() < 2048) {
                throw unsupported("device_key is a " + rsa.size() + "-bit RSA key; at least 2048 bits are needed", null);
            }
        } else if (jwk instanceof ECKey ec) {
            if (!Curve.P_256.equals(ec.getCurve()) && !Curve.P_384.equals(ec.getCurve())) {
                throw unsupported("device_key is on curve " + ec.getCurve() + "; P-256 or P-384 are supported", null);
            }
        } else {
            throw unsupported("device_key has kty " + jwk.getKeyType() + "; RSA or EC are supported", null);
        }
        if (jwk.isPrivate()) {
            throw unsupported("device_key holds private key members: send the public key only", null);
        }
        try {
            return new DeviceKey(jwk, jwk.computeThumbprint("SHA-256").toString());
        } catch (JOSEException e) {
            throw unsupported("cannot compute the device key thumbprint: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a key (or key share) to this device as a JWE (compact): RSA-OAEP-256 or ECDH-ES+A256KW,
     * {@code enc} A256GCM, {@code kid} the device key id. {@code ContentKeyWrap.unwrap} reads it.
     *
     * @param key the raw key bytes
     * @return the JWE compact serialization
     */
    public String wrap(byte[] key) {
        try {
            JWEAlgorithm algorithm;
            JWEEncrypter encrypter;
            if (jwk instanceof ECKey ec) {
                algorithm = JWEAlgorithm.ECDH_ES_A256KW;
                encrypter = new ECDHEncrypter(ec);
            } else {
                algorithm = JWEAlgorithm.RSA_OAEP_256;
                encrypter = new RSAEncrypter((RSAKey) jwk);
            }
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM).keyID(id).build(),
                    new Payload(key));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw unsupported("cannot wrap to the device key: " + e.getMessage(), e);
        }
    }

    private static RightsProblem unsupported(String detail, Throwable cause) {
        return new RightsProblem(ProblemReason.DEVICE_KEY_UNSUPPORTED, detail, cause);
    }
}
