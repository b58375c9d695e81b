package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * The JOSE algorithms Sealmail uses with a certificate's key (RFC 7518): RS256 for RSA,
 * ES256/ES384/ES512 for EC P-256/P-384/P-521 signatures; RSA-OAEP-256 or ECDH-ES+A256KW with
 * A256GCM for wrapping a content-encryption key to a device key.
 */
final class JoseKeys {

    /** JWE content encryption for wrapped keys. */
    static final EncryptionMethod WRAP_ENCRYPTION = EncryptionMethod.A256GCM;

    private JoseKeys() {
    }

    static JWSAlgorithm signatureAlgorithm(java.security.Key key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> JWSAlgorithm.ES256;
                case 384 -> JWSAlgorithm.ES384;
                case 521 -> JWSAlgorithm.ES512;
                default -> throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                        "EC keys on a " + bits + "-bit curve cannot sign licenses (P-256, P-384 or P-521 only)");
            };
        }
        if ("RSA".equals(key.getAlgorithm())) {
            return JWSAlgorithm.RS256;
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm() + " keys cannot sign licenses");
    }

    static JWSSigner signer(PrivateKey key) {
        try {
            JWSSigner signer = key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key);
            signatureAlgorithm(key);
            return signer;
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot sign with this key: " + e.getMessage(), e);
        }
    }

    static JWSVerifier verifier(PublicKey key) {
        try {
            if (key instanceof ECPublicKey ec) {
                return new ECDSAVerifier(ec);
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot verify with this key: " + e.getMessage(), e);
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm() + " keys cannot verify licenses");
    }

    static JWEAlgorithm wrapAlgorithm(PublicKey key) {
        if (key instanceof ECPublicKey) {
            return JWEAlgorithm.ECDH_ES_A256KW;
        }
        if (key instanceof RSAPublicKey) {
            return JWEAlgorithm.RSA_OAEP_256;
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm() + " keys cannot receive a wrapped key");
    }

    static JWEEncrypter encrypter(PublicKey key) {
        try {
            if (key instanceof ECPublicKey ec) {
                return new ECDHEncrypter(ec);
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSAEncrypter(rsa);
            }
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot wrap to this key: " + e.getMessage(), e);
        }
        throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm() + " keys cannot receive a wrapped key");
    }

    static JWEDecrypter decrypter(PrivateKey key) {
        try {
            return key instanceof ECPrivateKey ec ? new ECDHDecrypter(ec) : new RSADecrypter(key);
        } catch (JOSEException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot unwrap with this key: " + e.getMessage(), e);
        }
    }
}
