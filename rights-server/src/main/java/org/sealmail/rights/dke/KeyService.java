package org.sealmail.rights.dke;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sealmail.crypto.rights.license.UseLicenseJws;
import org.sealmail.rights.keys.ServerKeyRing;
import org.sealmail.rights.license.DeviceKey;
import org.sealmail.rights.license.PublishingLicenseReader;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation's key service of double key encryption (docs/rights-server-api.md §6): given
 * a use license signed by a trusted rights server and the device key it names, unwraps share B
 * with the key service's own key and rewraps it to that device key. It keeps no state; it never
 * sees share A, so it alone cannot open anything.
 */
public final class KeyService {

    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);

    private final Clock clock;
    private final ServerKeyRing keys;
    private final List<X509Certificate> trustedRightsServers;

    /**
     * @param clock time source
     * @param keys the key service's own keys
     * @param trustedRightsServers the rights-server key certificates whose use licenses are honoured
     */
    public KeyService(Clock clock, ServerKeyRing keys, List<X509Certificate> trustedRightsServers) {
        this.clock = clock;
        this.keys = keys;
        this.trustedRightsServers = List.copyOf(trustedRightsServers);
    }

    /**
     * @param useLicense the use license JWS (compact) from the rights server
     * @param deviceJwk the public JWK of the device the license was issued to
     * @return share B as JWE (compact) to the device key
     * @throws RightsProblem USE_LICENSE_INVALID, EXPIRED, DEVICE_KEY_MISMATCH, DEVICE_KEY_UNSUPPORTED, UNKNOWN_KEY or
     *     CONTENT_KEY_INVALID
     */
    public String unwrapShare(String useLicense, Map<String, Object> deviceJwk) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(useLicense);
        } catch (ParseException e) {
            throw invalid("the use license is not a JWS: " + e.getMessage());
        }
        if (jws.getHeader().getType() == null || !UseLicenseJws.TYPE.equals(jws.getHeader().getType().getType())) {
            throw invalid("the use license has typ " + jws.getHeader().getType() + ", expected " + UseLicenseJws.TYPE);
        }
        List<X509Certificate> chain;
        try {
            chain = PublishingLicenseReader.certificates(jws.getHeader().getX509CertChain());
        } catch (RightsProblem e) {
            throw invalid("the use license's x5c cannot be read");
        }
        if (chain.isEmpty() || !trusted(chain.get(0))) {
            throw invalid("the use license is not signed by a rights server this key service trusts");
        }
        if (!PublishingLicenseReader.verifies(jws, chain.get(0).getPublicKey())) {
            throw invalid("the use license signature does not verify");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        try {
            Instant notAfter = Instant.ofEpochSecond(JSONObjectUtils.getLong(claims, "exp"));
            if (!clock.instant().isBefore(notAfter)) {
                throw new RightsProblem(ProblemReason.EXPIRED, "the use license expired at " + notAfter,
                        Map.of("not_after", notAfter.getEpochSecond()), null);
            }
            DeviceKey device = DeviceKey.parse(deviceJwk);
            String dev = JSONObjectUtils.getString(claims, "dev");
            if (!device.id().equals(dev)) {
                throw new RightsProblem(ProblemReason.DEVICE_KEY_MISMATCH, "the use license was issued to device key " + dev
                        + ", not to " + device.id());
            }
            Map<String, Object> dke = JSONObjectUtils.getJSONObject(claims, "dke");
            if (dke == null || JSONObjectUtils.getString(dke, "share_b") == null) {
                throw invalid("the use license has no dke.share_b: the message does not use double key encryption");
            }
            byte[] share = keys.unwrap(JSONObjectUtils.getString(dke, "share_b"));
            try {
                String wrapped = device.wrap(share);
                LOG.info("share B of message {} released to {} (device {})", JSONObjectUtils.getString(claims, "cid"),
                        JSONObjectUtils.getString(claims, "sub"), dev);
                return wrapped;
            } finally {
                Arrays.fill(share, (byte) 0);
            }
        } catch (ParseException e) {
            throw invalid("the use license payload is malformed: " + e.getMessage());
        }
    }

    private boolean trusted(X509Certificate signer) {
        for (X509Certificate certificate : trustedRightsServers) {
            try {
                if (Arrays.equals(certificate.getEncoded(), signer.getEncoded())) {
                    return true;
                }
            } catch (CertificateEncodingException e) {
                return false;
            }
        }
        return false;
    }

    private static RightsProblem invalid(String detail) {
        return new RightsProblem(ProblemReason.USE_LICENSE_INVALID, detail);
    }
}
