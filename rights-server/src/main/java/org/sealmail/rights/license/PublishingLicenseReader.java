package org.sealmail.rights.license;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.PublishingLicenseJws;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * Verifies a publishing license JWS the way {@code PublishingLicenseJws.verify} does (typ, alg fits
 * the x5c signer key, signature, signer names {@code iss}, owner entry is the signer and
 * {@code iss}) and reads the members the server needs. Unlike the client-side reader it accepts
 * grants without {@code cert}: recipients licensed only online (docs/rights-server-api.md §3).
 */
public final class PublishingLicenseReader {

    private PublishingLicenseReader() {
    }

    /**
     * @param compact the JWS compact serialization
     * @return the verified claims and the signer's certificate
     * @throws RightsProblem {@link ProblemReason#PUBLISHING_LICENSE_INVALID} saying what is wrong
     */
    public static VerifiedLicense verify(String compact) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw invalid("it is not a JWS: " + e.getMessage(), e);
        }
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !PublishingLicenseJws.TYPE.equals(header.getType().getType())) {
            throw invalid("its typ is " + header.getType() + ", expected " + PublishingLicenseJws.TYPE, null);
        }
        X509Certificate signer = signer(header.getX509CertChain());
        if (!verifies(jws, signer.getPublicKey())) {
            throw invalid("its signature does not verify with the x5c signer certificate", null);
        }
        LicenseClaims claims = read(compact, jws.getPayload().toString());
        if (!CertificateAddresses.matches(signer, claims.issuer())) {
            throw invalid("it claims issuer " + claims.issuer() + " but is signed by a certificate for "
                    + CertificateAddresses.of(signer), null);
        }
        if (!claims.ownerThumbprint().equals(CertificateReference.thumbprint(signer))) {
            throw invalid("its owner entry names another certificate than the signer's", null);
        }
        return new VerifiedLicense(claims, signer);
    }

    /**
     * Reads an already verified (stored) license without checking its signature again.
     *
     * @param compact the JWS compact serialization
     * @return its claims
     * @throws RightsProblem {@link ProblemReason#PUBLISHING_LICENSE_INVALID} if it cannot be read
     */
    public static LicenseClaims readStored(String compact) {
        try {
            return read(compact, JWSObject.parse(compact).getPayload().toString());
        } catch (ParseException e) {
            throw invalid("it is not a JWS: " + e.getMessage(), e);
        }
    }

    /**
     * @param jws a parsed JWS
     * @param key the public key it should be signed with
     * @return true if {@code alg} fits the key type and the signature verifies
     */
    public static boolean verifies(JWSObject jws, PublicKey key) {
        try {
            JWSAlgorithm alg = jws.getHeader().getAlgorithm();
            JWSVerifier verifier;
            if (key instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else if (key instanceof RSAPublicKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else {
                return false;
            }
            return verifier.supportedJWSAlgorithms().contains(alg) && jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * @param encoded a JOSE {@code x5c} member
     * @return the first certificate
     * @throws RightsProblem {@link ProblemReason#PUBLISHING_LICENSE_INVALID} if absent or unreadable
     */
    static X509Certificate signer(List<Base64> encoded) {
        List<X509Certificate> chain = certificates(encoded);
        if (chain.isEmpty()) {
            throw invalid("it has no x5c certificate chain", null);
        }
        return chain.get(0);
    }

    /**
     * @param encoded a JOSE {@code x5c} member, possibly null
     * @return its certificates, in order
     * @throws RightsProblem {@link ProblemReason#PUBLISHING_LICENSE_INVALID} if one is unreadable
     */
    public static List<X509Certificate> certificates(List<Base64> encoded) {
        List<X509Certificate> chain = new ArrayList<>();
        if (encoded == null) {
            return chain;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Base64 certificate : encoded) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.decode())));
            }
            return chain;
        } catch (CertificateException e) {
            throw invalid("its x5c holds an unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static LicenseClaims read(String compact, String json) {
        try {
            Map<String, Object> payload = JSONObjectUtils.parse(json);
            long version = JSONObjectUtils.getLong(payload, "ver");
            if (version != 1) {
                throw invalid("version " + version + " is not supported", null);
            }
            String issuer = LicenseClaims.normalize(required(payload, "iss"));
            Map<String, Object> owner = JSONObjectUtils.getJSONObject(payload, "owner");
            if (owner == null) {
                throw invalid("member 'owner' is missing", null);
            }
            String ownerLicensee = LicenseClaims.normalize(required(owner, "licensee"));
            if (!ownerLicensee.equals(issuer)) {
                throw invalid("the owner entry names " + ownerLicensee + ", not the issuer " + issuer, null);
            }
            Map<String, Object> ownerCert = JSONObjectUtils.getJSONObject(owner, "cert");
            if (ownerCert == null) {
                throw invalid("the owner entry has no cert", null);
            }
            Map<String, UsageRights> grants = new LinkedHashMap<>();
            Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(payload, "grants");
            if (entries == null) {
                throw invalid("member 'grants' is missing", null);
            }
            for (Map<String, Object> entry : entries) {
                String licensee = LicenseClaims.normalize(required(entry, "licensee"));
                grants.put(licensee, rights(entry));
            }
            grants.put(issuer, UsageRights.of(UsageRight.OWNER));
            Optional<Instant> exp = payload.get("exp") == null ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(JSONObjectUtils.getLong(payload, "exp")));
            long offline = JSONObjectUtils.getLong(payload, "offline_days");
            if (offline < 0 || offline > 36_500) {
                throw invalid("offline_days " + offline + " is out of range", null);
            }
            return new LicenseClaims(compact, required(payload, "cid"), issuer, required(ownerCert, "x5t#S256"), exp,
                    (int) offline, Optional.ofNullable(JSONObjectUtils.getString(payload, "rights_server")), grants);
        } catch (ParseException e) {
            throw invalid("its payload is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private static UsageRights rights(Map<String, Object> entry) throws ParseException {
        List<String> names = JSONObjectUtils.getStringList(entry, "rights");
        if (names == null || names.isEmpty()) {
            throw invalid("a grant has no rights", null);
        }
        try {
            return UsageRights.ofNames(names);
        } catch (CryptoException e) {
            throw invalid("a grant has unknown rights: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, Object> object, String member) throws ParseException {
        String value = JSONObjectUtils.getString(object, member);
        if (value == null || value.isBlank()) {
            throw invalid("member '" + member + "' is missing", null);
        }
        return value;
    }

    private static RightsProblem invalid(String why, Throwable cause) {
        return new RightsProblem(ProblemReason.PUBLISHING_LICENSE_INVALID, "the publishing license is invalid: " + why, cause);
    }

    /**
     * A publishing license whose signature was verified.
     *
     * @param claims its members
     * @param signer the signer's certificate (the sender's)
     */
    public record VerifiedLicense(LicenseClaims claims, X509Certificate signer) {
    }
}
