package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The key pair a client makes once per device (profile) to receive use licenses from a rights
 * server without a certificate (docs/rights-server-api.md §5). Its id is the RFC 7638 JWK SHA-256
 * thumbprint of the public key, base64url without padding: the {@code dev} of the licenses issued to it.
 *
 * @param pair the key pair (EC P-256 or P-384, or RSA of 2048 bits or more)
 */
public record DeviceKey(KeyPair pair) {

    /** Checks that the pair is there and of a supported type. */
    public DeviceKey {
        Objects.requireNonNull(pair, "pair");
        jwk(pair.getPublic());
    }

    /**
     * @return a fresh EC P-256 device key
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} if the platform has no P-256
     */
    public static DeviceKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new DeviceKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot make an EC P-256 device key: "
                    + e.getMessage(), e);
        }
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    /** @return the public key */
    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** @return the device key id: RFC 7638 SHA-256 thumbprint of the public JWK, base64url without padding */
    public String id() {
        return thumbprint(pair.getPublic());
    }

    /**
     * @param key a public key
     * @return its RFC 7638 SHA-256 JWK thumbprint, base64url without padding
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key that is neither RSA nor EC
     */
    public static String thumbprint(PublicKey key) {
        try {
            return jwk(key).computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot compute the JWK thumbprint: "
                    + e.getMessage(), e);
        }
    }

    /** @return the public key as a JWK (RFC 7517) JSON object: {@code kty}, {@code crv}, {@code x}, {@code y} or {@code n}, {@code e} */
    public Map<String, Object> publicJwk() {
        return jwk(pair.getPublic()).toJSONObject();
    }

    /**
     * @return the key pair as text to keep in a secret store: the JCA algorithm ({@code EC} or {@code RSA}), a
     *     colon, base64 of the PKCS#8 private key, a dot, base64 of the X.509 SubjectPublicKeyInfo
     */
    public String encoded() {
        return pair.getPublic().getAlgorithm() + ":" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "." + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /**
     * @param text what {@link #encoded()} wrote
     * @return the device key
     * @throws CryptoException {@link CryptoFailure#KEY_STORE} if the text is not such a key pair
     */
    public static DeviceKey decode(String text) {
        int colon = text.indexOf(':');
        int dot = text.indexOf('.', colon + 1);
        if (colon < 0 || dot < 0) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "the stored device key is not ALG:PKCS8.SPKI text");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(text.substring(0, colon));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(text.substring(colon + 1, dot))));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(text.substring(dot + 1).trim())));
            return new DeviceKey(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "the stored device key cannot be read: " + e.getMessage(), e);
        }
    }

    private static JWK jwk(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null || !(Curve.P_256.equals(curve) || Curve.P_384.equals(curve))) {
                throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "a device key must be EC P-256 or P-384");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "an RSA device key needs 2048 bits or more");
            }
            return new RSAKey.Builder(rsa).build();
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "a device key must be RSA or EC, not "
                + key.getAlgorithm());
    }
}
