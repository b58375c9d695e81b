package org.sealmail.crypto.smime.verify;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a signer certificate for e-mail signing (RFC 8550 §4.4.2, §4.4.4; RFC 5280 §4.2.1.3, §4.2.1.12). */
public final class SigningCertificateChecker {

    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final String[] KEY_USAGE_NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final Map<String, String> PURPOSE_NAMES = Map.of(
            EMAIL_PROTECTION, "emailProtection",
            ANY_EXTENDED_KEY_USAGE, "anyExtendedKeyUsage",
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning");

    private SigningCertificateChecker() {
    }

    /**
     * What a verifier with the modern policy would hold against a signature made now with this
     * certificate: validity, key usage (digitalSignature or nonRepudiation), extended key usage
     * (emailProtection) and key size. Signers call it to refuse a certificate up front instead of
     * sending mail that no recipient accepts. Trust and addresses are not checked here.
     *
     * @param certificate the signer's certificate
     * @param at the signing time (UTC)
     * @return the problems, one sentence each; empty when the certificate is fit for signing
     */
    public static List<String> problemsForSigning(X509Certificate certificate, Instant at) {
        return assess(certificate, at, Optional.empty(), VerificationPolicy.modern()).problems();
    }

    static CertificateAssessment assess(X509Certificate certificate, Instant at, Optional<Instant> signingTime,
            VerificationPolicy policy) {
        List<String> problems = new ArrayList<>();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        boolean validNow = !at.isBefore(notBefore) && !at.isAfter(notAfter);
        if (at.isAfter(notAfter)) {
            problems.add("certificate expired on " + notAfter + " (verification time " + at + ")");
        } else if (at.isBefore(notBefore)) {
            problems.add("certificate not valid before " + notBefore + " (verification time " + at + ")");
        }
        Optional<Boolean> validAtSigning = signingTime.map(time -> !time.isBefore(notBefore) && !time.isAfter(notAfter));
        if (validAtSigning.isPresent() && !validAtSigning.get()) {
            problems.add("signed at " + signingTime.get() + ", outside the certificate's validity " + notBefore + " to "
                    + notAfter);
        }
        List<String> keyUsage = new ArrayList<>();
        boolean[] bits = certificate.getKeyUsage();
        boolean keyUsageOk = true;
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.length; i++) {
                if (bits[i]) {
                    keyUsage.add(KEY_USAGE_NAMES[i]);
                }
            }
            keyUsageOk = (bits.length > 0 && bits[0]) || (bits.length > 1 && bits[1]);
            if (!keyUsageOk) {
                problems.add("key usage " + keyUsage + " allows neither digitalSignature nor nonRepudiation");
            }
        }
        List<String> purposes = new ArrayList<>();
        boolean extendedOk = true;
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            if (oids != null) {
                for (String oid : oids) {
                    purposes.add(PURPOSE_NAMES.getOrDefault(oid, oid));
                }
                extendedOk = oids.contains(EMAIL_PROTECTION) || oids.contains(ANY_EXTENDED_KEY_USAGE);
                if (!extendedOk) {
                    problems.add("extended key usage " + purposes + " does not include emailProtection");
                }
            }
        } catch (CertificateParsingException e) {
            extendedOk = false;
            problems.add("extended key usage extension cannot be read: " + e.getMessage());
        }
        PublicKey key = certificate.getPublicKey();
        int size = keySize(key);
        String description = key.getAlgorithm() + (size > 0 ? " " + size + " bits" : "");
        boolean strong = true;
        if ((key instanceof RSAPublicKey || key instanceof DSAPublicKey) && size > 0 && size < policy.minimumKeyBits()) {
            strong = false;
            problems.add(description + " key is shorter than the " + policy.minimumKeyBits() + " bits required");
        }
        return new CertificateAssessment(notBefore, notAfter, validNow, validAtSigning, keyUsage, keyUsageOk, purposes,
                extendedOk, description, strong, problems);
    }

    private static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }
}
