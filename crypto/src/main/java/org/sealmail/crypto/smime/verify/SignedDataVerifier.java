package org.sealmail.crypto.smime.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.smime.SmimeCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a CMS SignedData (RFC 5652 §5) and checks each SignerInfo's digest and signature
 * (§5.6) with the signer's public key, over the exact content bytes given. Certificate validity
 * is deliberately not checked here (the caller does, against its own verification time), and
 * algorithms are checked against the {@link VerificationPolicy}: MD5 and older digests are
 * never checked, SHA-1 is checked and then refused unless the policy accepts it.
 *
 * <p>Bouncy Castle verifies the signature over the DER re-encoding of the signed attributes.
 * When that fails and the attributes arrived in another order, the signature is checked over
 * the encoding as received (what the signer signed; OpenSSL does the same), see
 * {@link ReceivedEncodingCheck}. When Bouncy Castle rejects the signed attributes as
 * non-conformant (RFC 5652 §11: content-type missing, several message digests...), the result
 * stays {@link SignatureCheck#INCORRECT} and the problem also says whether the digest and
 * signature value themselves are right, for diagnosis.
 */
final class SignedDataVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SignedDataVerifier.class);

    /** Kinds of CMS content an S/MIME body can carry (RFC 5652 §3). */
    enum CmsKind { SIGNED_DATA, ENVELOPED_DATA, AUTH_ENVELOPED_DATA, OTHER }

    private static final ASN1ObjectIdentifier MS_ENCRYPTION_KEY_PREFERENCE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.16.4");
    private static final ASN1ObjectIdentifier AUTH_ENVELOPED_DATA = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.1.23");

    private enum Strength { STRONG, WEAK_SHA1, BROKEN }

    private record Digest(String name, Strength strength) {
    }

    private static final Map<String, Digest> DIGESTS = Map.ofEntries(
            Map.entry("1.3.14.3.2.26", new Digest("SHA-1", Strength.WEAK_SHA1)),
            Map.entry("2.16.840.1.101.3.4.2.4", new Digest("SHA-224", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.1", new Digest("SHA-256", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.2", new Digest("SHA-384", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.3", new Digest("SHA-512", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.6", new Digest("SHA-512/256", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.8", new Digest("SHA3-256", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.9", new Digest("SHA3-384", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.10", new Digest("SHA3-512", Strength.STRONG)),
            Map.entry("2.16.840.1.101.3.4.2.12", new Digest("SHAKE256", Strength.STRONG)),
            Map.entry("1.2.840.113549.2.5", new Digest("MD5", Strength.BROKEN)),
            Map.entry("1.2.840.113549.2.4", new Digest("MD4", Strength.BROKEN)),
            Map.entry("1.2.840.113549.2.2", new Digest("MD2", Strength.BROKEN)));

    /** Signature algorithm OID to (name, digest OID implied by the algorithm or null). */
    private static final Map<String, String[]> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.1", new String[] {"RSASSA-PKCS1-v1_5", null}),
            Map.entry("1.2.840.113549.1.1.4", new String[] {"RSASSA-PKCS1-v1_5", "1.2.840.113549.2.5"}),
            Map.entry("1.2.840.113549.1.1.5", new String[] {"RSASSA-PKCS1-v1_5", "1.3.14.3.2.26"}),
            Map.entry("1.2.840.113549.1.1.14", new String[] {"RSASSA-PKCS1-v1_5", "2.16.840.1.101.3.4.2.4"}),
            Map.entry("1.2.840.113549.1.1.11", new String[] {"RSASSA-PKCS1-v1_5", "2.16.840.1.101.3.4.2.1"}),
            Map.entry("1.2.840.113549.1.1.12", new String[] {"RSASSA-PKCS1-v1_5", "2.16.840.1.101.3.4.2.2"}),
            Map.entry("1.2.840.113549.1.1.13", new String[] {"RSASSA-PKCS1-v1_5", "2.16.840.1.101.3.4.2.3"}),
            Map.entry("1.2.840.113549.1.1.10", new String[] {"RSASSA-PSS", null}),
            Map.entry("1.2.840.10045.2.1", new String[] {"ECDSA", null}),
            Map.entry("1.2.840.10045.4.1", new String[] {"ECDSA", "1.3.14.3.2.26"}),
            Map.entry("1.2.840.10045.4.3.1", new String[] {"ECDSA", "2.16.840.1.101.3.4.2.4"}),
            Map.entry("1.2.840.10045.4.3.2", new String[] {"ECDSA", "2.16.840.1.101.3.4.2.1"}),
            Map.entry("1.2.840.10045.4.3.3", new String[] {"ECDSA", "2.16.840.1.101.3.4.2.2"}),
            Map.entry("1.2.840.10045.4.3.4", new String[] {"ECDSA", "2.16.840.1.101.3.4.2.3"}),
            Map.entry("1.2.840.10040.4.1", new String[] {"DSA", null}),
            Map.entry("1.2.840.10040.4.3", new String[] {"DSA", "1.3.14.3.2.26"}),
            Map.entry("2.16.840.1.101.3.4.3.1", new String[] {"DSA", "2.16.840.1.101.3.4.2.4"}),
            Map.entry("2.16.840.1.101.3.4.3.2", new String[] {"DSA", "2.16.840.1.101.3.4.2.1"}),
            Map.entry("1.3.101.112", new String[] {"Ed25519", null}),
            Map.entry("1.3.101.113", new String[] {"Ed448", null}));

    private SignedDataVerifier() {
    }

    /**
     * @param der a BER/DER ContentInfo
     * @return what kind of CMS content it is
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if it is not a ContentInfo
     */
    static CmsKind kindOf(byte[] der) {
        ASN1ObjectIdentifier type = contentInfo(der).getContentType();
        if (CMSObjectIdentifiers.signedData.equals(type)) {
            return CmsKind.SIGNED_DATA;
        }
        if (CMSObjectIdentifiers.envelopedData.equals(type)) {
            return CmsKind.ENVELOPED_DATA;
        }
        if (AUTH_ENVELOPED_DATA.equals(type)) {
            return CmsKind.AUTH_ENVELOPED_DATA;
        }
        return CmsKind.OTHER;
    }

    /**
     * Parses and checks a SignedData.
     *
     * @param der the ContentInfo bytes
     * @param detachedContent the content for a detached signature, or null to use the encapsulated one
     * @param knownCertificates certificates to look the signer up in besides the message's own
     * @param policy which algorithms are accepted
     * @return the content and one {@link SignerFacts} per SignerInfo
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the bytes are not a
     *     readable SignedData, or an opaque one carries no content
     */
    static SignedDataContents verify(byte[] der, byte[] detachedContent, Collection<X509Certificate> knownCertificates,
            VerificationPolicy policy) {
        ContentInfo contentInfo = contentInfo(der);
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "CMS content type " + contentInfo.getContentType().getId() + " is not SignedData (1.2.840.113549.1.7.2)");
        }
        CMSSignedData signed;
        byte[] content;
        List<SignerInformation> signerInfos;
        List<X509CertificateHolder> holders = new ArrayList<>();
        Set<String> listedDigests;
        try {
            if (detachedContent != null) {
                signed = new CMSSignedData(new CMSProcessableByteArray(detachedContent), contentInfo);
                content = detachedContent;
            } else {
                signed = new CMSSignedData(contentInfo);
                Object encapsulated = signed.getSignedContent() == null ? null : signed.getSignedContent().getContent();
                if (encapsulated instanceof byte[] bytes) {
                    content = bytes;
                } else if (signed.getSignerInfos().size() == 0) {
                    content = new byte[0]; // certs-only (RFC 8551 §3.6): nothing is signed
                } else {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                            "signed-data without encapsulated content: the signed content is missing (a detached"
                                    + " signature needs its multipart/signed)");
                }
            }
            signerInfos = new ArrayList<>(signed.getSignerInfos().getSigners());
            Store<X509CertificateHolder> store = signed.getCertificates();
            holders.addAll(store.getMatches(null));
            listedDigests = new HashSet<>();
            for (AlgorithmIdentifier id : signed.getDigestAlgorithmIDs()) {
                listedDigests.add(id.getAlgorithm().getId());
            }
        } catch (CMSException | RuntimeException e) {
            if (e instanceof CryptoException crypto) {
                throw crypto;
            }
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "malformed SignedData: " + describe(e), e);
        }
        List<X509Certificate> certificates = toCertificates(holders);
        List<X509CertificateHolder> candidates = new ArrayList<>(holders);
        for (X509Certificate known : knownCertificates) {
            try {
                candidates.add(new JcaX509CertificateHolder(known));
            } catch (java.security.cert.CertificateEncodingException e) {
                LOG.debug("known certificate cannot be encoded, skipped", e);
            }
        }
        List<SignerFacts> facts = new ArrayList<>();
        for (SignerInformation signer : signerInfos) {
            facts.add(checkSigner(signer, content, candidates, listedDigests, policy));
        }
        return new SignedDataContents(content, facts, certificates);
    }

    private static SignerFacts checkSigner(SignerInformation signer, byte[] content,
            List<X509CertificateHolder> candidates, Set<String> listedDigests, VerificationPolicy policy) {
        String digestOid = signer.getDigestAlgOID();
        Digest digest = DIGESTS.get(digestOid);
        String digestName = digest != null ? digest.name() : digestOid;
        String signatureOid = signer.getEncryptionAlgOID();
        String[] signature = SIGNATURES.get(signatureOid);
        String signatureName = signature != null ? signature[0] : signatureOid;
        String sid = describe(signer.getSID());
        AttributeTable attributes = signer.getSignedAttributes();
        Optional<Instant> signingTime = Optional.empty();
        String attributeProblem = null;
        try {
            signingTime = signingTime(attributes);
        } catch (RuntimeException e) {
            attributeProblem = "the signingTime attribute is malformed: " + describe(e);
        }
        SmimeCapabilities capabilities = attributes == null ? new SmimeCapabilities(List.of())
                : SmimeCapabilities.fromAttribute(attributes.get(PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities));
        Optional<X509Certificate> certificate = find(signer.getSID(), candidates)
                .flatMap(SignedDataVerifier::toCertificate);
        Optional<X509Certificate> preferred = preferredEncryptionCertificate(attributes, candidates);
        List<String> notes = new ArrayList<>();

        Outcome outcome;
        if (digest == null || signature == null) {
            String which = digest == null ? "digest algorithm " + digestOid : "signature algorithm " + signatureOid;
            outcome = new Outcome(SignatureCheck.UNSUPPORTED_ALGORITHM, "unknown " + which + ": the signature cannot be checked");
        } else {
            if ("RSASSA-PSS".equals(signatureName)) {
                signatureName = describePss(signer.getEncryptionAlgParams());
            }
            String broken = brokenDigest(digest, signature[1]);
            if (broken != null) {
                outcome = new Outcome(SignatureCheck.UNSUPPORTED_ALGORITHM,
                        broken + " is broken and never accepted (RFC 8551 §2.1): the signature is not checked");
            } else if (certificate.isEmpty()) {
                outcome = new Outcome(SignatureCheck.CERTIFICATE_MISSING, "the signer's certificate (" + sid
                        + ") is neither in the message nor among the known certificates: the signature cannot be checked");
            } else if (certificate.get().getPublicKey() instanceof DSAPublicKey dsa && dsa.getParams() == null) {
                outcome = new Outcome(SignatureCheck.UNSUPPORTED_ALGORITHM, "the signer's DSA key inherits its"
                        + " parameters from the issuing CA (RFC 3279 §2.3.2), which is not supported");
            } else {
                outcome = cryptographicCheck(signer, content, certificate.get().getPublicKey(), digest, signature[0],
                        signatureName, notes);
            }
        }
        if (outcome.check() == SignatureCheck.CORRECT && attributeProblem != null) {
            outcome = new Outcome(SignatureCheck.INCORRECT, attributeProblem);
        }
        if (outcome.check() == SignatureCheck.CORRECT && !listedDigests.contains(digestOid)) {
            outcome = new Outcome(SignatureCheck.INCORRECT, "the SignedData digestAlgorithms field does not list the"
                    + " signer's digest " + digestName + " (RFC 5652 §5.1)");
        }
        if (outcome.check() == SignatureCheck.CORRECT) {
            String refusal = refusal(digest, signature[1], signer, policy);
            if (refusal != null) {
                outcome = new Outcome(SignatureCheck.REFUSED_ALGORITHM,
                        "the signature is mathematically correct, but " + refusal);
            }
        }
        return new SignerFacts(outcome.check(), Optional.ofNullable(outcome.problem()), sid, certificate, signingTime,
                digestName, signatureName, capabilities, preferred, notes);
    }

    private record Outcome(SignatureCheck check, String problem) {
    }

    /** RFC 5652 §5.6 through Bouncy Castle, with the two fallbacks described in the class comment. */
    private static Outcome cryptographicCheck(SignerInformation signer, byte[] content, PublicKey key, Digest digest,
            String signatureKind, String signatureName, List<String> notes) {
        try {
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.get()).build(key));
            if (ok) {
                return new Outcome(SignatureCheck.CORRECT, null);
            }
            if (ReceivedEncodingCheck.signatureOverReceivedAttributes(signer, key, digest.name(), signatureKind)
                    .orElse(false)) {
                notes.add("the signed attributes are not in DER order; the signature was verified over their encoding"
                        + " as received (RFC 5652 §5.4), as OpenSSL does");
                return new Outcome(SignatureCheck.CORRECT, null);
            }
            return new Outcome(SignatureCheck.INCORRECT,
                    "the signature value does not verify with the signer's public key: the signed attributes were altered");
        } catch (CMSSignerDigestMismatchException e) {
            return new Outcome(SignatureCheck.INCORRECT, "message digest mismatch: the signed content was altered");
        } catch (OperatorCreationException e) {
            return new Outcome(SignatureCheck.UNSUPPORTED_ALGORITHM,
                    "cannot check " + signatureName + " with " + digest.name() + ": " + describe(e));
        } catch (CMSException e) {
            if (e.getCause() instanceof OperatorCreationException || (e.getCause() instanceof GeneralSecurityException
                    && !(e.getCause() instanceof java.security.SignatureException))) {
                return new Outcome(SignatureCheck.UNSUPPORTED_ALGORITHM,
                        "cannot check " + signatureName + " with " + digest.name() + ": " + describe(e));
            }
            return new Outcome(SignatureCheck.INCORRECT, "the signed attributes break RFC 5652: " + describe(e)
                    + ReceivedEncodingCheck.diagnose(signer, content, key, digest.name(), signatureKind));
        } catch (RuntimeException e) {
            return new Outcome(SignatureCheck.INCORRECT, "malformed signer information: " + describe(e));
        }
    }

    /** @return the name of a broken digest used (MD5, MD4, MD2), or null */
    private static String brokenDigest(Digest digest, String impliedDigestOid) {
        if (digest.strength() == Strength.BROKEN) {
            return digest.name();
        }
        Digest implied = impliedDigestOid == null ? null : DIGESTS.get(impliedDigestOid);
        return implied != null && implied.strength() == Strength.BROKEN ? implied.name() : null;
    }

    /** @return why the algorithms are refused by policy, or null when accepted */
    private static String refusal(Digest digest, String impliedDigestOid, SignerInformation signer,
            VerificationPolicy policy) {
        List<Digest> used = new ArrayList<>();
        used.add(digest);
        if (impliedDigestOid != null && DIGESTS.containsKey(impliedDigestOid)) {
            used.add(DIGESTS.get(impliedDigestOid));
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(signer.getEncryptionAlgOID())) {
            RSASSAPSSparams params = pssParams(signer.getEncryptionAlgParams());
            Digest pssDigest = DIGESTS.get(params.getHashAlgorithm().getAlgorithm().getId());
            if (pssDigest == null) {
                return "the PSS hash " + params.getHashAlgorithm().getAlgorithm().getId() + " is unknown";
            }
            used.add(pssDigest);
        }
        for (Digest each : used) {
            if (each.strength() == Strength.WEAK_SHA1 && !policy.acceptSha1()) {
                return "SHA-1 is refused by policy (RFC 8551 §2.1: SHA-1 is only for old messages; Thunderbird"
                        + " refuses it too)";
            }
        }
        return null;
    }

    private static String describePss(byte[] encodedParams) {
        try {
            RSASSAPSSparams params = pssParams(encodedParams);
            Digest hash = DIGESTS.get(params.getHashAlgorithm().getAlgorithm().getId());
            return "RSASSA-PSS (" + (hash != null ? hash.name() : params.getHashAlgorithm().getAlgorithm().getId())
                    + ", salt " + params.getSaltLength() + " bytes)";
        } catch (RuntimeException e) {
            return "RSASSA-PSS";
        }
    }

    private static RSASSAPSSparams pssParams(byte[] encodedParams) {
        if (encodedParams == null) {
            return new RSASSAPSSparams(); // the RFC 4055 defaults: SHA-1, MGF1-SHA-1, salt 20
        }
        try {
            return RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(encodedParams));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed RSASSA-PSS parameters", e);
        }
    }

    private static Optional<Instant> signingTime(AttributeTable attributes) {
        if (attributes == null) {
            return Optional.empty();
        }
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }

    private static Optional<X509Certificate> preferredEncryptionCertificate(AttributeTable attributes,
            List<X509CertificateHolder> candidates) {
        if (attributes == null) {
            return Optional.empty();
        }
        try {
            Attribute rfc = attributes.get(PKCSObjectIdentifiers.id_aa_encrypKeyPref);
            if (rfc != null && rfc.getAttrValues().size() > 0) {
                ASN1Encodable value = rfc.getAttrValues().getObjectAt(0);
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(value);
                if (tagged.getTagNo() == 0) {
                    return byIssuerAndSerial(IssuerAndSerialNumber.getInstance(org.bouncycastle.asn1.ASN1Sequence.getInstance(tagged, false)), candidates);
                }
                if (tagged.getTagNo() == 2) {
                    byte[] keyId = ASN1OctetString.getInstance(tagged, false).getOctets();
                    return find(new SignerId(keyId), candidates).flatMap(SignedDataVerifier::toCertificate);
                }
            }
            Attribute microsoft = attributes.get(MS_ENCRYPTION_KEY_PREFERENCE);
            if (microsoft != null && microsoft.getAttrValues().size() > 0) {
                return byIssuerAndSerial(IssuerAndSerialNumber.getInstance(microsoft.getAttrValues().getObjectAt(0)),
                        candidates);
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable encryption key preference attribute ignored", e);
        }
        return Optional.empty();
    }

    private static Optional<X509Certificate> byIssuerAndSerial(IssuerAndSerialNumber id,
            List<X509CertificateHolder> candidates) {
        return find(new SignerId(id.getName(), id.getSerialNumber().getValue()), candidates)
                .flatMap(SignedDataVerifier::toCertificate);
    }

    private static Optional<X509CertificateHolder> find(SignerId id, List<X509CertificateHolder> candidates) {
        for (X509CertificateHolder candidate : candidates) {
            if (id.match(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> toCertificates(List<X509CertificateHolder> holders) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            toCertificate(holder).ifPresent(certificates::add);
        }
        return certificates;
    }

    private static Optional<X509Certificate> toCertificate(X509CertificateHolder holder) {
        try {
            return Optional.of(new JcaX509CertificateConverter().setProvider(CryptoProvider.get()).getCertificate(holder));
        } catch (CertificateException | RuntimeException e) {
            LOG.debug("unreadable certificate in SignedData skipped: {}", holder.getSubject(), e);
            return Optional.empty();
        }
    }

    private static ContentInfo contentInfo(byte[] der) {
        if (der.length == 0) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty CMS structure");
        }
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty CMS structure");
            }
            return ContentInfo.getInstance(primitive);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException crypto) {
                throw crypto;
            }
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "not a CMS ContentInfo (truncated or corrupt DER): " + describe(e), e);
        }
    }

    private static String describe(SignerId sid) {
        if (sid.getIssuer() != null) {
            return "issuer " + sid.getIssuer() + ", serial " + sid.getSerialNumber().toString(16);
        }
        if (sid.getSubjectKeyIdentifier() != null) {
            return "subject key identifier " + HexFormat.of().formatHex(sid.getSubjectKeyIdentifier());
        }
        return "unknown signer";
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
