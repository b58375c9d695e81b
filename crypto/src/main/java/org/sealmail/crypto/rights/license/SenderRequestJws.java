package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * Signs the {@code Authorization: Sealmail-Sender} request token of docs/rights-server-api.md §2: a
 * fresh JWS (RFC 7515) with the sender's key (the publishing license's owner), header {@code alg},
 * {@code typ} {@value #TYPE}, {@code x5c}; payload {@code htm, htu, cid, iat, jti, bsh}.
 */
public final class SenderRequestJws {

    /** The JOSE {@code typ} of sender request tokens. */
    public static final String TYPE = "sealmail-req+jws";

    /** The HTTP authorization scheme that carries the token. */
    public static final String SCHEME = "Sealmail-Sender";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SenderRequestJws() {
    }

    /**
     * @param sender the sender's key and chain (the certificate that signed the publishing license)
     * @param method the HTTP method ({@code htm}, upper-cased)
     * @param path the request path without query ({@code htu}), e.g. {@code /api/v1/messages/ID/revoke}
     * @param contentId the content id the request is about
     * @param body the exact request body bytes (empty for GET)
     * @param now the signing time ({@code iat}, whole seconds)
     * @return the JWS compact serialization, with a fresh 128-bit {@code jti}
     * @throws CryptoException {@link CryptoFailure#UNSUPPORTED_ALGORITHM} for a key JOSE cannot sign with
     */
    public static String sign(CertifiedKey sender, String method, String path, String contentId, byte[] body, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("htm", method.toUpperCase(Locale.ROOT));
        payload.put("htu", path);
        payload.put("cid", contentId);
        payload.put("iat", now.getEpochSecond());
        payload.put("jti", base64url(nonce));
        payload.put("bsh", base64url(sha256(body)));
        try {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : sender.chain()) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(JoseKeys.signatureAlgorithm(sender.privateKey()))
                    .type(new JOSEObjectType(TYPE)).x509CertChain(chain).build();
            JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(payload)));
            jws.sign(JoseKeys.signer(sender.privateKey()));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "cannot sign the sender request: " + e.getMessage(), e);
        }
    }

    private static String base64url(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM, "SHA-256 is not available", e);
        }
    }
}
