package org.sealmail.rights.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * One key pair of the service with its certificate chain: unwraps JWEs addressed to it and
 * signs JWSs. The private key may live in a PKCS#11 token (HSM) and is then never exported:
 * algorithms are chosen from the certificate's public key, and the JCA picks the token's
 * provider for the private-key operation.
 *
 * @param alias the key store alias
 * @param kid the key id: {@code x5t#S256} of the certificate (base64url SHA-256 over its DER encoding)
 * @param privateKey the private key (possibly a token handle)
 * @param chain the certificate chain, the key's certificate first
 */
public record ServerKey(String alias, String kid, PrivateKey privateKey, List<X509Certificate> chain) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerKey.class);

    /** Checks and copies the fields. */
    public ServerKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server key needs its certificate");
        }
    }

    /**
     * @param alias the key store alias
     * @param privateKey the private key
     * @param chain the chain, the key's certificate first
     * @return the key, its id computed from the certificate
     */
    public static ServerKey of(String alias, PrivateKey privateKey, List<X509Certificate> chain) {
        return new ServerKey(alias, CertificateReference.thumbprint(chain.get(0)), privateKey, chain);
    }

    /** @return the key's certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the JWE key-management algorithm to wrap to this key: RSA-OAEP-256 or ECDH-ES+A256KW (RFC 7518) */
    public JWEAlgorithm wrapAlgorithm() {
        return certificate().getPublicKey() instanceof ECPublicKey ? JWEAlgorithm.ECDH_ES_A256KW : JWEAlgorithm.RSA_OAEP_256;
    }

    /** @return the JWS algorithm this key signs with: RS256, or ES256/ES384/ES512 by curve (RFC 7518 §3) */
    public JWSAlgorithm signatureAlgorithm() {
        PublicKey key = certificate().getPublicKey();
        if (key instanceof ECPublicKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> JWSAlgorithm.ES256;
                case 384 -> JWSAlgorithm.ES384;
                default -> JWSAlgorithm.ES512;
            };
        }
        return JWSAlgorithm.RS256;
    }

    /** @return the certificate chain as JOSE {@code x5c} (base64 DER, RFC 7515 §4.1.6) */
    public List<Base64> x5c() {
        List<Base64> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(Base64.encode(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the server certificate", e);
            }
        }
        return encoded;
    }

    /**
     * Unwraps a JWE (compact) addressed to this key.
     *
     * @param compact the JWE compact serialization
     * @return the plaintext (a content-encryption key or a share)
     * @throws RightsProblem {@link ProblemReason#CONTENT_KEY_INVALID} if it is not a JWE or does not decrypt
     */
    public byte[] unwrap(String compact) {
        try {
            JWEObject jwe = JWEObject.parse(compact);
            jwe.decrypt(decrypter());
            return jwe.getPayload().toBytes();
        } catch (ParseException e) {
            throw new RightsProblem(ProblemReason.CONTENT_KEY_INVALID, "the wrapped key is not a JWE: " + e.getMessage(), e);
        } catch (JOSEException e) {
            LOG.warn("JWE for key {} (alias {}) does not decrypt", kid, alias, e);
            throw new RightsProblem(ProblemReason.CONTENT_KEY_INVALID, "the wrapped key does not decrypt with key "
                    + kid + ": " + e.getMessage(), e);
        }
    }

    /**
     * Signs a JSON payload as a JWS (compact) with header {@code alg}, {@code typ}, {@code kid} and {@code x5c}.
     *
     * @param type the JOSE {@code typ}
     * @param json the payload
     * @return the JWS compact serialization
     * @throws IllegalStateException if the key cannot sign (a broken key store or token)
     */
    public String sign(String type, String json) {
        try {
            JWSHeader header = new JWSHeader.Builder(signatureAlgorithm()).type(new JOSEObjectType(type)).keyID(kid)
                    .x509CertChain(x5c()).build();
            JWSObject jws = new JWSObject(header, new Payload(json));
            jws.sign(signer());
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("server key " + alias + " cannot sign: " + e.getMessage(), e);
        }
    }

    private JWSSigner signer() throws JOSEException {
        PublicKey key = certificate().getPublicKey();
        if (key instanceof ECPublicKey ec) {
            return new ECDSASigner(privateKey, Curve.forECParameterSpec(ec.getParams()));
        }
        if (key instanceof RSAPublicKey) {
            return new RSASSASigner(privateKey);
        }
        throw new JOSEException(key.getAlgorithm() + " server keys cannot sign");
    }

    private JWEDecrypter decrypter() throws JOSEException {
        PublicKey key = certificate().getPublicKey();
        if (key instanceof ECPublicKey ec) {
            return new ECDHDecrypter(privateKey, null, Curve.forECParameterSpec(ec.getParams()));
        }
        if (key instanceof RSAPublicKey) {
            return new RSADecrypter(privateKey);
        }
        throw new JOSEException(key.getAlgorithm() + " server keys cannot unwrap");
    }
}
