package org.sealmail.crypto.smime.verify;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertificatePathValidator;
import org.sealmail.crypto.keys.PathValidation;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.LineEndings;
import org.sealmail.crypto.smime.mime.MultipartBody;
import org.sealmail.crypto.smime.mime.RawMimeEntity;
import org.sealmail.crypto.smime.mime.RawMimeParser;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies S/MIME signed messages (RFC 8551 §3.5, RFC 5652 §5.6) on their raw bytes as
 * received: the signed part of a multipart/signed is taken byte for byte from the message,
 * with only its line ends canonicalised to CRLF (RFC 8551 §3.1.1); nothing is re-serialised.
 * Each signer is checked for: the signature itself, PKIX trust to the configured anchors
 * (certificates carried in the message serve as intermediates), the certificate's validity at
 * the verification time and at the signing time, key usage and extended key usage
 * (RFC 8550 §4.4), and that it names the From and Sender addresses (RFC 8550 §3).
 */
public final class SmimeVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmimeVerifier.class);
    private static final int MAX_NESTING = 4;

    private final List<X509Certificate> trustAnchors;
    private final CertificatePathValidator pathValidator;
    private final List<X509Certificate> knownCertificates;
    private final VerificationPolicy policy;
    private final Clock clock;

    /**
     * A verifier with the modern policy and the system clock.
     *
     * @param trustAnchors the certificates trusted as roots; empty means nothing is trusted
     */
    public SmimeVerifier(Collection<X509Certificate> trustAnchors) {
        this(trustAnchors, List.of(), VerificationPolicy.modern(), Clock.systemUTC());
    }

    /**
     * @param trustAnchors the certificates trusted as roots
     * @param knownCertificates certificates to find a signer's certificate or intermediates in
     *     when the message does not carry them (e.g. a certificate directory)
     * @param policy which algorithms and key sizes are accepted
     * @param clock the source of "now": the default verification time and {@code verifiedAt}
     */
    public SmimeVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> knownCertificates,
            VerificationPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pathValidator = new CertificatePathValidator(trustAnchors,
                policy.acceptWeakCertificateSignatures() ? CryptoProvider.get() : null);
        this.knownCertificates = List.copyOf(knownCertificates);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    /** @return a copy that also looks signer certificates up in the given ones */
    public SmimeVerifier withKnownCertificates(Collection<X509Certificate> certificates) {
        return new SmimeVerifier(trustAnchors, certificates, policy, clock);
    }

    /** @return a copy with another policy */
    public SmimeVerifier withPolicy(VerificationPolicy value) {
        return new SmimeVerifier(trustAnchors, knownCertificates, value, clock);
    }

    /**
     * Verifies a message at the current time.
     *
     * @param message the raw message bytes as received
     * @return the structured result; {@link VerificationStatus#NOT_SIGNED} if there is no signature
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for empty input, input that
     *     is not a message, broken MIME structure, invalid base64 or a corrupt CMS structure
     */
    public SignatureVerification verify(byte[] message) {
        return verify(message, clock.instant());
    }

    /**
     * Verifies a message, validating certificates at a given instant (e.g. the signing time of
     * an old message whose certificates have since expired).
     *
     * @param message the raw message bytes as received
     * @param validationTime the instant (UTC) at which certificates must be valid
     * @return the structured result
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} as for {@link #verify(byte[])}
     */
    public SignatureVerification verify(byte[] message, Instant validationTime) {
        RawMimeEntity parsed = RawMimeParser.parseMessage(message);
        SenderAddresses senders = SenderAddresses.of(parsed);
        SignatureLayer layer = SignatureLayerLocator.locate(parsed);
        if (layer.kind() == SignatureLayer.Kind.NONE || layer.kind() == SignatureLayer.Kind.ENCRYPTED) {
            return notSigned(layer.note().orElse("no S/MIME signature"), senders, validationTime);
        }
        return verifySignature(layer, senders, validationTime, 0);
    }

    /**
     * Verifies the one signature layer that an entity itself is (a multipart/signed, or an
     * application/pkcs7-mime signed-data, RFC 8551 §3.5), for callers that unwrap nested layers
     * one at a time: no search inside multiparts, and a signature nested directly inside the
     * signed content is not followed ({@link SignatureVerification#nested()} stays empty). The
     * sender checked against the certificates is given, not read from the entity: an entity
     * found inside an encryption layer carries only Content-* fields, while the From and Sender
     * that the signature must match are those of the message around it (RFC 8550 §3).
     *
     * @param entity the entity bytes exactly as received or decrypted (header fields, empty line, body)
     * @param senders the From/Sender/Date of the enclosing message ({@link SenderAddresses#of(byte[])})
     * @param validationTime the instant (UTC) at which certificates must be valid
     * @return the verification, or empty when the entity is not a signature layer
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for a broken multipart/signed
     *     structure, invalid base64 or a corrupt SignedData
     */
    public Optional<SignatureVerification> verifyLayer(byte[] entity, SenderAddresses senders, Instant validationTime) {
        Objects.requireNonNull(senders, "senders");
        return SignatureLayerLocator.direct(RawMimeParser.parseEntity(entity))
                .map(layer -> verifySignature(layer, senders, validationTime, MAX_NESTING));
    }

    /**
     * Verifies a bare CMS SignedData (as {@code openssl cms -verify} or {@code gpgsm --verify}
     * would), without a message around it: no sender address is checked.
     *
     * @param signedData the DER/BER ContentInfo
     * @param detachedContent the signed content for a detached signature, or null when the
     *     content is encapsulated; used byte for byte
     * @param validationTime the instant (UTC) at which certificates must be valid
     * @return the structured result, with {@link AddressCheck#NOT_CHECKED} for every signer
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if the bytes are not a SignedData
     */
    public SignatureVerification verifySignedData(byte[] signedData, byte[] detachedContent, Instant validationTime) {
        SignatureFormat format = detachedContent != null ? SignatureFormat.DETACHED : SignatureFormat.OPAQUE;
        SignedDataContents contents = SignedDataVerifier.verify(signedData, detachedContent, knownCertificates, policy);
        return assemble(contents, format, Coverage.WHOLE, SenderAddresses.none(), validationTime, Optional.empty(),
                Optional.empty());
    }

    private SignatureVerification verifySignature(SignatureLayer layer, SenderAddresses senders, Instant at, int depth) {
        RawMimeEntity entity = layer.entity();
        SignedDataContents contents;
        SignatureFormat format;
        if (layer.kind() == SignatureLayer.Kind.DETACHED) {
            format = SignatureFormat.DETACHED;
            contents = verifyDetached(entity);
        } else {
            format = SignatureFormat.OPAQUE;
            contents = SignedDataVerifier.verify(entity.decodedBody(), null, knownCertificates, policy);
        }
        Optional<SignatureVerification> nested = Optional.empty();
        Optional<String> note = Optional.empty();
        SignatureLayer inner = SignatureLayerLocator.own(RawMimeParser.parseEntity(contents.content()));
        if (inner.kind() == SignatureLayer.Kind.ENCRYPTED) {
            note = Optional.of("the signed content is encrypted (an S/MIME encryption layer inside the signature):"
                    + " decrypt the message to read it and to verify any signature inside");
        } else if (inner.kind() != SignatureLayer.Kind.NONE && depth < MAX_NESTING) {
            nested = Optional.of(verifySignature(inner, senders, at, depth + 1));
            note = Optional.of("the signed content is itself signed; see the nested verification");
        }
        return assemble(contents, format, layer.coverage(), senders, at, nested, note);
    }

    private SignedDataContents verifyDetached(RawMimeEntity entity) {
        ContentType type = entity.contentType();
        String boundary = type.parameter("boundary").orElseThrow(() -> new CryptoException(CryptoFailure.MALFORMED_INPUT,
                "multipart/signed without a boundary parameter"));
        MultipartBody body = MultipartBody.split(entity.body(), boundary);
        List<byte[]> parts = body.parts();
        if (parts.size() != 2) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "multipart/signed must have exactly two parts"
                    + " (content and signature, RFC 1847 §2.1), found " + parts.size()
                    + (body.closed() ? "" : " and no closing boundary"));
        }
        RawMimeEntity signature = RawMimeParser.parseEntity(parts.get(1));
        ContentType signatureType = signature.contentType();
        if (!signatureType.is("application/pkcs7-signature", "application/x-pkcs7-signature")) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "the second part of the multipart/signed is "
                    + signatureType.mediaType() + ", expected application/pkcs7-signature");
        }
        byte[] signedContent = LineEndings.toCrlf(parts.get(0));
        byte[] der;
        try {
            der = signature.decodedBody();
        } catch (CryptoException e) {
            throw new CryptoException(e.failure(), "signature part: " + e.getMessage(), e);
        }
        return SignedDataVerifier.verify(der, signedContent, knownCertificates, policy);
    }

    private SignatureVerification assemble(SignedDataContents contents, SignatureFormat format, Coverage coverage,
            SenderAddresses senders, Instant at, Optional<SignatureVerification> nested, Optional<String> note) {
        List<X509Certificate> intermediates = new ArrayList<>(contents.certificates());
        intermediates.addAll(knownCertificates);
        List<SignerVerification> signers = new ArrayList<>();
        for (SignerFacts facts : contents.signers()) {
            signers.add(assess(facts, intermediates, senders, at));
        }
        Instant now = clock.instant();
        if (signers.isEmpty()) {
            return new SignatureVerification(VerificationStatus.NOT_SIGNED, coverage, Optional.of(format), List.of(),
                    contents.content(), nested, senders.all(), at, now,
                    Optional.of("the SignedData has no SignerInfo (certificates only): nothing is signed"));
        }
        VerificationStatus status = signers.stream().map(SignerVerification::status)
                .min(Comparator.naturalOrder()).orElseThrow();
        if (nested.isPresent()) {
            status = VerificationStatus.worst(status, nested.get().status());
        }
        LOG.debug("verified {} signature with {} signer(s): {}", format, signers.size(), status);
        return new SignatureVerification(status, coverage, Optional.of(format), signers, contents.content(), nested,
                senders.all(), at, now, note);
    }

    private SignerVerification assess(SignerFacts facts, List<X509Certificate> intermediates, SenderAddresses senders,
            Instant at) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        facts.problem().ifPresent(problems::add);
        warnings.addAll(facts.notes());
        if (facts.certificate().isEmpty()) {
            PathValidation unknown = new PathValidation(false, List.of(), Optional.empty(),
                    "the signer's certificate is not available");
            return new SignerVerification(statusOf(facts.check(), unknown, null, AddressCheck.NOT_CHECKED),
                    facts.check(), facts.signerIdentifier(), Optional.empty(), List.of(), AddressCheck.NOT_CHECKED,
                    unknown, Optional.empty(), facts.signingTime(), facts.digestAlgorithm(), facts.signatureAlgorithm(),
                    facts.capabilities(), facts.preferredEncryptionCertificate(), problems, warnings);
        }
        X509Certificate certificate = facts.certificate().get();
        CertificateAssessment assessment = SigningCertificateChecker.assess(certificate, at, facts.signingTime(), policy);
        PathValidation trust = pathValidator.validate(certificate, intermediates, pathTime(assessment, at, facts.signingTime()));
        if (!trust.trusted()) {
            problems.add(trust.problem());
        }
        problems.addAll(assessment.problems());
        List<String> certificateAddresses = CertificateAddresses.of(certificate);
        AddressCheck addressCheck = addressCheck(certificateAddresses, senders, problems);
        facts.signingTime().ifPresent(signed -> {
            senders.date().ifPresent(date -> {
                Duration skew = Duration.between(signed, date).abs();
                if (skew.compareTo(policy.dateSkewWarning()) > 0) {
                    warnings.add("the Date header (" + date + ") differs from the signing time (" + signed + ") by "
                            + skew.toMinutes() + " minutes: the message may have been re-sent or its Date changed");
                }
            });
            if (signed.isAfter(at.plus(Duration.ofDays(1)))) {
                warnings.add("the signing time " + signed + " lies after the verification time " + at);
            }
        });
        return new SignerVerification(statusOf(facts.check(), trust, assessment, addressCheck), facts.check(),
                facts.signerIdentifier(), facts.certificate(), certificateAddresses, addressCheck, trust,
                Optional.of(assessment), facts.signingTime(), facts.digestAlgorithm(), facts.signatureAlgorithm(),
                facts.capabilities(), facts.preferredEncryptionCertificate(), problems, warnings);
    }

    /**
     * The instant to build the certification path at: the verification time when the signer's
     * certificate is valid then; otherwise a time within its validity (the signing time, or the
     * nearest end of the validity), so that an expired certificate is reported as unsuitable
     * (its own problem) rather than as untrusted, while a broken chain stays untrusted.
     */
    private static Instant pathTime(CertificateAssessment assessment, Instant at, Optional<Instant> signingTime) {
        if (assessment.validAtVerificationTime()) {
            return at;
        }
        if (signingTime.isPresent() && assessment.validAtSigningTime().orElse(false)) {
            return signingTime.get();
        }
        return at.isAfter(assessment.notAfter()) ? assessment.notAfter() : assessment.notBefore();
    }

    private static AddressCheck addressCheck(List<String> certificateAddresses, SenderAddresses senders,
            List<String> problems) {
        if (senders.equals(SenderAddresses.none())) {
            return AddressCheck.NOT_CHECKED;
        }
        if (senders.from().isEmpty()) {
            problems.add("the message has no readable From address to match the certificate against");
            return AddressCheck.MISMATCH;
        }
        if (certificateAddresses.isEmpty()) {
            problems.add("the signer's certificate names no e-mail address, so it cannot vouch for "
                    + String.join(", ", senders.all()));
            return AddressCheck.MISMATCH;
        }
        List<String> unmatched = senders.all().stream().filter(address -> !certificateAddresses.contains(address)).toList();
        if (!unmatched.isEmpty()) {
            problems.add("the signer's certificate names " + String.join(", ", certificateAddresses) + " but not "
                    + String.join(", ", unmatched) + " (From" + (senders.sender().isEmpty() ? "" : "/Sender") + ")");
            return AddressCheck.MISMATCH;
        }
        return AddressCheck.MATCH;
    }

    private static VerificationStatus statusOf(SignatureCheck check, PathValidation trust, CertificateAssessment assessment,
            AddressCheck addressCheck) {
        switch (check) {
            case INCORRECT:
                return VerificationStatus.BAD_SIGNATURE;
            case REFUSED_ALGORITHM:
            case UNSUPPORTED_ALGORITHM:
                return VerificationStatus.UNSUPPORTED_ALGORITHM;
            case CERTIFICATE_MISSING:
                return VerificationStatus.UNTRUSTED;
            default:
                break;
        }
        if (!trust.trusted()) {
            return VerificationStatus.UNTRUSTED;
        }
        if (assessment != null && !assessment.suitable()) {
            return VerificationStatus.CERTIFICATE_UNSUITABLE;
        }
        if (addressCheck == AddressCheck.MISMATCH) {
            return VerificationStatus.ADDRESS_MISMATCH;
        }
        return VerificationStatus.VALID;
    }

    private SignatureVerification notSigned(String note, SenderAddresses senders, Instant at) {
        return new SignatureVerification(VerificationStatus.NOT_SIGNED, Coverage.WHOLE, Optional.empty(), List.of(),
                new byte[0], Optional.empty(), senders.all(), at, clock.instant(), Optional.of(note));
    }
}
