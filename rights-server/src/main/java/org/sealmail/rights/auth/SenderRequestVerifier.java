package org.sealmail.rights.auth;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.rights.license.PublishingLicenseReader;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.store.RequestNonceRepository;

/**
 * Verifies {@code Authorization: Sealmail-Sender <JWS>} (docs/rights-server-api.md §2): a fresh
 * JWS ({@code typ} {@value #TYPE}) signed with the key of the certificate that signed the
 * publishing license, bound to this request's method, path, content id and body, within the
 * clock window, and never replayed.
 */
public final class SenderRequestVerifier {

    /** The JOSE {@code typ} of sender request signatures. */
    public static final String TYPE = "sealmail-req+jws";

    /** The authorization scheme. */
    public static final String SCHEME = "Sealmail-Sender";

    private static final Duration NONCE_MEMORY = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration maxSkew;
    private final RequestNonceRepository nonces;

    /**
     * @param clock the time source
     * @param maxSkew accepted |now - iat|
     * @param nonces where jtis are remembered
     */
    public SenderRequestVerifier(Clock clock, Duration maxSkew, RequestNonceRepository nonces) {
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.nonces = nonces;
    }

    /**
     * @param authorization the Authorization header, if any
     * @param request what the signature must cover
     * @param ownerThumbprint {@code x5t#S256} of the publishing license's owner certificate
     * @return the signer's certificate
     * @throws RightsProblem SENDER_AUTH_MISSING, SENDER_AUTH_INVALID, REQUEST_REPLAYED or NOT_THE_SENDER
     */
    public X509Certificate verify(Optional<String> authorization, SenderRequest request, String ownerThumbprint) {
        String header = authorization.orElseThrow(() -> new RightsProblem(ProblemReason.SENDER_AUTH_MISSING,
                "this request needs an 'Authorization: " + SCHEME + " <JWS>' header signed with the sender's key"));
        if (!header.startsWith(SCHEME + " ")) {
            throw new RightsProblem(ProblemReason.SENDER_AUTH_MISSING, "the Authorization header is not of scheme " + SCHEME);
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(header.substring(SCHEME.length() + 1).trim());
        } catch (ParseException e) {
            throw invalid("the " + SCHEME + " credential is not a JWS: " + e.getMessage());
        }
        if (jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw invalid("the request JWS has typ " + jws.getHeader().getType() + ", expected " + TYPE);
        }
        List<X509Certificate> chain;
        try {
            chain = PublishingLicenseReader.certificates(jws.getHeader().getX509CertChain());
        } catch (RightsProblem e) {
            throw invalid("the request JWS x5c cannot be read");
        }
        if (chain.isEmpty()) {
            throw invalid("the request JWS has no x5c certificate");
        }
        X509Certificate signer = chain.get(0);
        if (!PublishingLicenseReader.verifies(jws, signer.getPublicKey())) {
            throw invalid("the request JWS signature does not verify with its x5c certificate");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw invalid("the request JWS payload is not a JSON object");
        }
        try {
            expect(claims, "htm", request.method());
            expect(claims, "htu", request.path());
            expect(claims, "cid", request.cid());
            expect(claims, "bsh", sha256(request.body()));
            Instant iat = Instant.ofEpochSecond(JSONObjectUtils.getLong(claims, "iat"));
            Instant now = clock.instant();
            if (Duration.between(iat, now).abs().compareTo(maxSkew) > 0) {
                throw invalid("the request was signed at " + iat + ", more than " + maxSkew.toSeconds()
                        + " s from the server's time " + now);
            }
            String jti = JSONObjectUtils.getString(claims, "jti");
            if (jti == null || jti.length() < 22 || jti.length() > 200) {
                throw invalid("the request JWS needs a jti of at least 128 random bits (22 base64url characters)");
            }
            if (!nonces.claim(jti, now, NONCE_MEMORY)) {
                throw new RightsProblem(ProblemReason.REQUEST_REPLAYED, "this request (jti " + jti + ") was already accepted once");
            }
        } catch (ParseException e) {
            throw invalid("the request JWS payload is malformed: " + e.getMessage());
        }
        if (!CertificateReference.thumbprint(signer).equals(ownerThumbprint)) {
            throw new RightsProblem(ProblemReason.NOT_THE_SENDER,
                    "the request is signed by another certificate than the one that signed the publishing license");
        }
        return signer;
    }

    /**
     * @param body bytes
     * @return base64url SHA-256 of the bytes (the {@code bsh} claim)
     */
    public static String sha256(byte[] body) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void expect(Map<String, Object> claims, String member, String expected) throws ParseException {
        String value = JSONObjectUtils.getString(claims, member);
        if (!expected.equals(value)) {
            throw invalid("the request JWS claim '" + member + "' is " + value + ", but this request has " + expected);
        }
    }

    private static RightsProblem invalid(String detail) {
        return new RightsProblem(ProblemReason.SENDER_AUTH_INVALID, detail);
    }
}
