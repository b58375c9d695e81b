package org.sealmail.crypto.rights.message;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertificatePathValidator;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.PathValidation;
import org.sealmail.crypto.rights.CachedUseLicense;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.ContentKeyShares;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.license.ServerIssuedLicense;
import org.sealmail.crypto.rights.license.ServerUseLicenseJws;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.license.PublishingLicenseJws;
import org.sealmail.crypto.rights.license.RecipientGrant;
import org.sealmail.crypto.rights.license.SignedPublishingLicense;
import org.sealmail.crypto.rights.license.UseLicense;
import org.sealmail.crypto.rights.license.UseLicenseJws;
import org.sealmail.crypto.rights.license.VerifiedUseLicense;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens protected messages for one device key (docs/protected-message-format.md, "Opening").
 * A cached use license, when valid, supplies the content-encryption key directly; otherwise
 * the key is unwrapped from this key's RecipientInfo and a use license is derived and cached.
 * Either way the inner SignedData is verified, the publishing license is checked against the
 * envelope's RecipientInfos, content id, wrapper and From, and expiry is checked against the
 * clock. Every refusal is returned as an {@link OpenResult} with a specific {@link Refusal}.
 *
 * <p>With {@link #withOnlineLicensing online licensing} (docs/rights-server-api.md §5, §6), when no
 * RecipientInfo names this user's certificate (or there is none), the opener asks the rights server the
 * message names for a use license bound to the device key, verifies it ({@link ServerUseLicenseJws}),
 * unwraps the content-encryption key (or share A, and share B through the key service, K = A XOR B),
 * and caches it so that the message opens offline until the license's {@code exp}.
 */
public final class ProtectedMessageOpener {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectedMessageOpener.class);

    private final Optional<CertifiedKey> key;
    private final UseLicenseCache cache;
    private final Clock clock;
    private final Optional<CertificatePathValidator> pathValidator;
    private final Optional<OnlineAccess> online;

    /**
     * The device's online identity.
     *
     * @param device the device key use licenses are bound to
     * @param licensee the address to sign in as, lower case
     * @param licensing the network side
     */
    private record OnlineAccess(DeviceKey device, String licensee, RightsServerLicensing licensing) {
    }

    /**
     * @param key the device key (the recipient's, or the sender's for Sent items)
     * @param cache where use licenses are found and stored
     * @param clock the time source for expiry checks and first-open times
     */
    public ProtectedMessageOpener(CertifiedKey key, UseLicenseCache cache, Clock clock) {
        this(Optional.of(Objects.requireNonNull(key, "key")), cache, clock, Optional.empty(), Optional.empty());
    }

    private ProtectedMessageOpener(Optional<CertifiedKey> key, UseLicenseCache cache, Clock clock,
            Optional<CertificatePathValidator> pathValidator, Optional<OnlineAccess> online) {
        this.key = key;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pathValidator = pathValidator;
        this.online = online;
    }

    /**
     * An opener for a user without a certificate: every message is opened through the rights server it names.
     *
     * @param device the device key use licenses are bound to
     * @param licensee the address to sign in as
     * @param licensing the network side (rights server, key service)
     * @param cache where use licenses are found and stored
     * @param clock the time source
     * @return the opener
     */
    public static ProtectedMessageOpener online(DeviceKey device, String licensee, RightsServerLicensing licensing,
            UseLicenseCache cache, Clock clock) {
        return new ProtectedMessageOpener(Optional.empty(), cache, clock, Optional.empty(),
                Optional.of(access(device, licensee, licensing)));
    }

    /**
     * @param device the device key use licenses are bound to
     * @param licensee the address to sign in as
     * @param licensing the network side (rights server, key service)
     * @return an opener that asks the rights server when no RecipientInfo names this user's certificate
     */
    public ProtectedMessageOpener withOnlineLicensing(DeviceKey device, String licensee, RightsServerLicensing licensing) {
        return new ProtectedMessageOpener(key, cache, clock, pathValidator, Optional.of(access(device, licensee, licensing)));
    }

    private static OnlineAccess access(DeviceKey device, String licensee, RightsServerLicensing licensing) {
        return new OnlineAccess(Objects.requireNonNull(device, "device"), licensee.trim().toLowerCase(Locale.ROOT),
                Objects.requireNonNull(licensing, "licensing"));
    }

    /**
     * @param anchors trusted root certificates; the issuer's certificate path is then validated (PKIX, RFC 5280)
     *     and reported in {@link OpenResult#issuerPath()} (informational: an untrusted issuer is not refused)
     * @return an opener that validates the issuer's certificate path
     */
    public ProtectedMessageOpener withTrustAnchors(Collection<X509Certificate> anchors) {
        return new ProtectedMessageOpener(key, cache, clock, Optional.of(new CertificatePathValidator(anchors)), online);
    }

    /**
     * @param rfc5322 the outer message bytes
     * @return the outcome; never throws for bad or refused input
     */
    public OpenResult open(byte[] rfc5322) {
        if (rfc5322.length == 0) {
            return OpenResult.refused(Refusal.MALFORMED, "the message is empty (0 bytes)", Optional.empty(), Optional.empty());
        }
        try {
            return open(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rfc5322)));
        } catch (MessagingException e) {
            return OpenResult.refused(Refusal.MALFORMED, "not a MIME message: " + e.getMessage(), Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * @param message the outer message
     * @return the outcome; never throws for bad or refused input
     */
    public OpenResult open(MimeMessage message) {
        Instant now = clock.instant();
        try {
            ProtectedMimeStructure.Parts parts = ProtectedMimeStructure.parse(message);
            AuthEnvelopedDataDecryptor envelope = AuthEnvelopedDataDecryptor.parse(parts.blob());
            String contentId = envelope.contentId();
            if (parts.headerContentId().isEmpty()) {
                throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, "the " + ProtectedMessageFormat.HEADER
                        + " header is missing");
            }
            if (!parts.headerContentId().get().equals(contentId)) {
                throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, ProtectedMessageFormat.HEADER + " names content "
                        + parts.headerContentId().get() + " but the protected blob is content " + contentId);
            }
            for (String licensee : licensees()) {
                Optional<CachedUseLicense> cached = cache.find(contentId, licensee);
                if (cached.isEmpty()) {
                    continue;
                }
                Optional<OpenResult> result = CachedServerLicense.isServerLicense(cached.get().encoded())
                        ? openWithCachedServerLicense(cached.get(), envelope, parts, message, now)
                        : openWithCachedLicense(cached.get(), envelope, parts, message, now);
                if (result.isPresent()) {
                    return result.get();
                }
            }
            if (key.isPresent()) {
                Optional<byte[]> contentKey = envelope.unwrapContentKey(key.get());
                if (contentKey.isPresent()) {
                    return openWithKey(envelope, contentKey.get(), parts, message, now);
                }
            }
            if (online.isPresent()) {
                return openOnline(online.get(), envelope, parts, message, now);
            }
            throw new ProtectionRefusedException(Refusal.NOT_A_RECIPIENT, "this message is not for you: none of its "
                    + envelope.recipients().size() + " RecipientInfos names your certificate ("
                    + describe(key.orElseThrow().certificate()) + ")");
        } catch (ProtectionRefusedException e) {
            LOG.debug("protected message refused ({}): {}", e.refusal(), e.getMessage());
            return OpenResult.refused(e.refusal(), e.getMessage(), Optional.empty(), Optional.empty());
        }
    }

    /** @return the result, or empty when the cached license expired and a new one must be derived */
    private Optional<OpenResult> openWithCachedLicense(CachedUseLicense cached, AuthEnvelopedDataDecryptor envelope,
            ProtectedMimeStructure.Parts parts, MimeMessage message, Instant now) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        CertifiedKey key = this.key.get();
        VerifiedUseLicense verified;
        try {
            verified = UseLicenseJws.verify(new String(cached.encoded(), StandardCharsets.US_ASCII), envelope.contentId(), key, now);
        } catch (ProtectionRefusedException e) {
            if (e.refusal() != Refusal.LICENSE_EXPIRED) {
                throw e;
            }
            LOG.info("use license for message {} expired at {}; deriving a new one with the private key",
                    envelope.contentId(), cached.notAfter());
            return Optional.empty();
        }
        UseLicense license = verified.license();
        byte[] contentKey = ContentKeyWrap.unwrap(license.wrappedContentKey(), key.privateKey());
        Opened opened = decryptAndVerify(envelope, contentKey);
        if (!opened.publishingLicense().compact().equals(license.publishingLicense())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_MESSAGE,
                    "the cached use license rests on another publishing license than this message's");
        }
        Optional<PathValidation> path = check(opened, envelope, parts, message, now);
        PublishingLicense publishingLicense = opened.publishingLicense().license();
        if (publishingLicense.isExpiredAt(now) && !isOwner(publishingLicense)) {
            return Optional.of(expired(publishingLicense, path));
        }
        return Optional.of(new OpenResult(OpenStatus.OPENED, Optional.empty(), "opened with the cached use license",
                Optional.of(publishingLicense), license.rights(), Optional.of(license.notAfter()),
                Optional.of(LicenseSource.CACHED_USE_LICENSE), path, Optional.of(opened.content())));
    }

    private OpenResult openWithKey(AuthEnvelopedDataDecryptor envelope, byte[] contentKey, ProtectedMimeStructure.Parts parts,
            MimeMessage message, Instant now) {
        CertifiedKey key = this.key.orElseThrow();
        String licensee = keyAddress(key);
        Opened opened = decryptAndVerify(envelope, contentKey);
        Optional<PathValidation> path = check(opened, envelope, parts, message, now);
        PublishingLicense publishingLicense = opened.publishingLicense().license();
        Optional<RecipientGrant> grant = publishingLicense.grantFor(key.certificate());
        if (grant.isEmpty()) {
            return OpenResult.refused(Refusal.NOT_A_RECIPIENT, "the publishing license grants nothing to "
                    + describe(key.certificate()), Optional.of(publishingLicense), path);
        }
        boolean owner = grant.get() == publishingLicense.owner();
        if (publishingLicense.isExpiredAt(now) && !owner) {
            return expired(publishingLicense, path);
        }
        UseLicense license = UseLicenseJws.derive(opened.publishingLicense(), key.certificate(), contentKey, now);
        if (license.notAfter().isAfter(now)) {
            cache.put(new CachedUseLicense(envelope.contentId(), licensee, license.notAfter(),
                    UseLicenseJws.sign(license, key).getBytes(StandardCharsets.US_ASCII)));
        }
        String reason = owner ? "opened with your key: you sent this message and hold every right"
                : "opened with your key; use license cached until " + license.notAfter();
        return new OpenResult(OpenStatus.OPENED, Optional.empty(), reason, Optional.of(publishingLicense), license.rights(),
                Optional.of(license.notAfter()), Optional.of(LicenseSource.PRIVATE_KEY), path, Optional.of(opened.content()));
    }

    private boolean isOwner(PublishingLicense publishingLicense) {
        return key.isPresent() && publishingLicense.owner().certificate()
                .filter(reference -> reference.matches(key.get().certificate())).isPresent();
    }

    /** Asks the rights server the message names for a use license, then opens with it and caches it. */
    private OpenResult openOnline(OnlineAccess access, AuthEnvelopedDataDecryptor envelope, ProtectedMimeStructure.Parts parts,
            MimeMessage message, Instant now) {
        URI server = parts.headerRightsServer().orElseThrow(() -> new ProtectionRefusedException(Refusal.NOT_A_RECIPIENT,
                "this message is not for you: none of its RecipientInfos names a key of yours and it names no rights server"
                        + " to ask for a use license"));
        String compact = access.licensing().requestUseLicense(server, envelope.contentId(), access.licensee(), access.device());
        ServerIssuedLicense verified = ServerUseLicenseJws.verify(compact, envelope.contentId(), access.device(),
                access.licensing()::serverKeys, now);
        if (!verified.rightsServer().toString().equals(server.toString())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_ISSUER_UNTRUSTED, "asked " + server
                    + " for a use license but got one from " + verified.rightsServer());
        }
        Optional<String> shareB = verified.doubleKey().map(dke -> access.licensing().unwrapShareB(dke.keyService(),
                compact, access.device()));
        OpenResult result = openWithServerLicense(access, verified, shareB, envelope, parts, message, now,
                LicenseSource.RIGHTS_SERVER);
        if (result.opened() && verified.license().notAfter().isAfter(now)
                && verified.publishingLicense().license().offlineDays() > 0) {
            cache.put(new CachedUseLicense(envelope.contentId(), access.licensee(), verified.license().notAfter(),
                    new CachedServerLicense(compact, shareB).encode()));
        }
        return result;
    }

    /** @return the result, or empty when the cached license expired and a new one must be requested */
    private Optional<OpenResult> openWithCachedServerLicense(CachedUseLicense cached, AuthEnvelopedDataDecryptor envelope,
            ProtectedMimeStructure.Parts parts, MimeMessage message, Instant now) {
        if (online.isEmpty()) {
            return Optional.empty();
        }
        OnlineAccess access = online.get();
        CachedServerLicense entry = CachedServerLicense.decode(cached.encoded());
        ServerIssuedLicense verified;
        try {
            verified = ServerUseLicenseJws.verify(entry.useLicense(), envelope.contentId(), access.device(),
                    access.licensing()::serverKeys, now);
        } catch (ProtectionRefusedException e) {
            if (e.refusal() != Refusal.LICENSE_EXPIRED) {
                throw e;
            }
            LOG.info("use license for message {} expired at {}; asking the rights server again", envelope.contentId(),
                    cached.notAfter());
            return Optional.empty();
        }
        if (verified.doubleKey().isPresent() && entry.shareB().isEmpty()) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "the cached double-key use license lacks share B");
        }
        return Optional.of(openWithServerLicense(access, verified, entry.shareB(), envelope, parts, message, now,
                LicenseSource.CACHED_USE_LICENSE));
    }

    private OpenResult openWithServerLicense(OnlineAccess access, ServerIssuedLicense verified, Optional<String> shareB,
            AuthEnvelopedDataDecryptor envelope, ProtectedMimeStructure.Parts parts, MimeMessage message, Instant now,
            LicenseSource source) {
        UseLicense license = verified.license();
        byte[] contentKey = ContentKeyWrap.unwrap(license.wrappedContentKey(), access.device().privateKey());
        if (verified.doubleKey().isPresent()) {
            byte[] shareA = contentKey;
            byte[] shareBytes = ContentKeyWrap.unwrap(shareB.orElseThrow(), access.device().privateKey());
            contentKey = ContentKeyShares.combine(shareA, shareBytes);
            Arrays.fill(shareA, (byte) 0);
            Arrays.fill(shareBytes, (byte) 0);
        }
        Opened opened;
        try {
            opened = decryptAndVerify(envelope, contentKey);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
        if (!opened.publishingLicense().compact().equals(license.publishingLicense())) {
            throw new ProtectionRefusedException(Refusal.LICENSE_FOR_OTHER_MESSAGE,
                    "the use license rests on another publishing license than this message's");
        }
        Optional<PathValidation> path = check(opened, envelope, parts, message, now);
        String reason = source == LicenseSource.RIGHTS_SERVER
                ? "opened with a use license from " + verified.rightsServer() + ", honoured offline until " + license.notAfter()
                : "opened with the cached use license from " + verified.rightsServer();
        return new OpenResult(OpenStatus.OPENED, Optional.empty(), reason, Optional.of(opened.publishingLicense().license()),
                license.rights(), Optional.of(license.notAfter()), Optional.of(source), path, Optional.of(opened.content()));
    }

    private static OpenResult expired(PublishingLicense publishingLicense, Optional<PathValidation> path) {
        return OpenResult.refused(Refusal.MESSAGE_EXPIRED, "this message expired at " + publishingLicense.notAfter().orElseThrow(),
                Optional.of(publishingLicense), path);
    }

    /** The decrypted, signature-verified inner content and its verified publishing license. */
    private record Opened(byte[] content, SignedPublishingLicense publishingLicense, VerifiedContent signed) {
    }

    private static Opened decryptAndVerify(AuthEnvelopedDataDecryptor envelope, byte[] contentKey) {
        VerifiedContent signed = ProtectedContentVerifier.verify(envelope.decrypt(contentKey));
        SignedPublishingLicense publishingLicense = PublishingLicenseJws.verify(signed.publishingLicense());
        if (!publishingLicense.signer().equals(signed.signer())) {
            throw new ProtectionRefusedException(Refusal.ISSUER_MISMATCH, "the publishing license is signed by "
                    + describe(publishingLicense.signer()) + " but the content by " + describe(signed.signer()));
        }
        return new Opened(signed.content(), publishingLicense, signed);
    }

    private Optional<PathValidation> check(Opened opened, AuthEnvelopedDataDecryptor envelope,
            ProtectedMimeStructure.Parts parts, MimeMessage message, Instant now) {
        PublishingLicense license = opened.publishingLicense().license();
        if (!license.contentId().equals(envelope.contentId())) {
            throw new ProtectionRefusedException(Refusal.CONTENT_ID_MISMATCH, "the envelope is content " + envelope.contentId()
                    + " but its signed publishing license is for content " + license.contentId());
        }
        checkRecipients(license, envelope.recipients());
        if (!parts.wrapper().digest().equals(license.wrapperDigest())) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED,
                    "the readable wrapper differs from the one the sender signed");
        }
        String from = fromAddress(message);
        if (!license.issuer().equals(from)) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, "the From header names " + from
                    + " but the message was protected by " + license.issuer());
        }
        return pathValidator.map(validator -> validator.validate(opened.signed().signer(), opened.signed().certificates(), now));
    }

    private static void checkRecipients(PublishingLicense license, List<AuthEnvelopedDataDecryptor.RecipientIdentity> infos) {
        List<CertificateReference> unmatched = new ArrayList<>(license.keyHolders());
        List<String> extra = new ArrayList<>();
        for (AuthEnvelopedDataDecryptor.RecipientIdentity info : infos) {
            Optional<CertificateReference> match = unmatched.stream().filter(info::matches).findFirst();
            if (match.isPresent()) {
                unmatched.remove(match.get());
            } else {
                extra.add(info.toString());
            }
        }
        if (!extra.isEmpty() || !unmatched.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!extra.isEmpty()) {
                problems.add("RecipientInfos not named by the publishing license: " + String.join("; ", extra));
            }
            if (!unmatched.isEmpty()) {
                List<String> missing = new ArrayList<>();
                for (CertificateReference reference : unmatched) {
                    missing.add(holderName(license, reference));
                }
                problems.add("licensed recipients without a RecipientInfo: " + String.join(", ", missing));
            }
            throw new ProtectionRefusedException(Refusal.RECIPIENTS_MISMATCH,
                    "the recipients were changed after signing: " + String.join("; ", problems));
        }
    }

    private static String holderName(PublishingLicense license, CertificateReference reference) {
        if (license.owner().certificate().filter(reference::equals).isPresent()) {
            return license.owner().licensee() + " (sender)";
        }
        return license.grants().stream().filter(grant -> grant.certificate().filter(reference::equals).isPresent())
                .map(RecipientGrant::licensee).findFirst().orElse(reference.toString());
    }

    private static String fromAddress(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length == 1 && from[0] instanceof InternetAddress address) {
                return address.getAddress().trim().toLowerCase(Locale.ROOT);
            }
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED,
                    "the From header must name exactly one address, the sender's");
        } catch (MessagingException e) {
            throw new ProtectionRefusedException(Refusal.WRAPPER_ALTERED, "the From header cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return the addresses whose cached use licenses may open a message here: the key's, then the online licensee */
    private List<String> licensees() {
        List<String> licensees = new ArrayList<>();
        key.ifPresent(certified -> licensees.add(keyAddress(certified)));
        online.map(OnlineAccess::licensee).filter(address -> !licensees.contains(address)).ifPresent(licensees::add);
        return licensees;
    }

    private static String keyAddress(CertifiedKey key) {
        List<String> addresses = key.addresses();
        return addresses.isEmpty() ? CertificateReference.thumbprint(key.certificate()) : addresses.get(0);
    }

    private static String describe(X509Certificate certificate) {
        List<String> addresses = CertificateAddresses.of(certificate);
        return addresses.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", addresses);
    }
}
