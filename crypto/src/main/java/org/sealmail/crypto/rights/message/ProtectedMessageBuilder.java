package org.sealmail.crypto.rights.message;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.license.CertificateReference;
import org.sealmail.crypto.rights.license.ContentKeyShares;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.license.PublishingLicenseJws;
import org.sealmail.crypto.rights.license.RecipientGrant;
import org.sealmail.crypto.rights.template.ProtectionTemplate;

/**
 * Protects a message with a {@link ProtectionTemplate} (docs/protected-message-format.md):
 * signs the inner message with the publishing license as a signed attribute (CMS SignedData),
 * encrypts it as AuthEnvelopedData with AES-256-GCM to every recipient and to the sender, and
 * wraps it in a readable {@code multipart/mixed} message.
 *
 * <p>Recipients are the To and Cc addresses of the message (the sender, if listed, is the owner
 * anyway). Each needs a certificate, valid now, that names it: certificate-based licensing is
 * offline and cannot license anyone else. With {@link #withOnlineLicensing online licensing} a
 * recipient without a certificate gets an online grant instead (no {@code cert}, no RecipientInfo),
 * and the content-encryption key is wrapped to the rights server's key for the {@link Registration};
 * with double key encryption every recipient gets an online grant and only the sender a RecipientInfo
 * (docs/rights-server-api.md §3, §6). A message with Bcc recipients is refused: every
 * recipient reads the publishing license, whose grants name every licensee, so a Bcc recipient
 * must get a separately protected copy.
 */
public final class ProtectedMessageBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Optional<URI> rightsServer;
    private final Branding branding;
    private final Optional<OnlineLicensing> online;

    /** @param clock the time source for issuedAt, expiry and certificate validity */
    public ProtectedMessageBuilder(Clock clock) {
        this(clock, Optional.empty(), Branding.DEFAULT, Optional.empty());
    }

    private ProtectedMessageBuilder(Clock clock, Optional<URI> rightsServer, Branding branding,
            Optional<OnlineLicensing> online) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rightsServer = rightsServer;
        this.branding = Objects.requireNonNull(branding, "branding");
        this.online = online;
    }

    /**
     * @param url the rights server's URL, linked from the wrapper and named in the publishing license
     * @return a builder that names it
     */
    public ProtectedMessageBuilder withRightsServer(URI url) {
        return new ProtectedMessageBuilder(clock, Optional.of(url), branding, online);
    }

    /**
     * @param licensing the rights server (and its current key certificate), optionally with a key service for double
     *     key encryption
     * @return a builder that licenses recipients without a certificate online, names the server in the publishing
     *     license and the {@link ProtectedMessageFormat#HEADER} header, links the wrapper to {@code {server}/m/{cid}},
     *     and returns the {@link Registration} to send to the server
     */
    public ProtectedMessageBuilder withOnlineLicensing(OnlineLicensing licensing) {
        return new ProtectedMessageBuilder(clock, Optional.of(licensing.rightsServer()), branding, Optional.of(licensing));
    }

    /**
     * @param value how the readable wrapper looks (intro text, disclaimer, privacy statement, logo, colour);
     *     {@link Branding#DEFAULT} unless set
     * @return a builder that writes wrappers in that branding
     */
    public ProtectedMessageBuilder withBranding(Branding value) {
        return new ProtectedMessageBuilder(clock, rightsServer, Objects.requireNonNull(value, "branding"), online);
    }

    /**
     * Protects a message.
     *
     * @param message the message to protect (headers and MIME body); it is not modified
     * @param template the rights to apply
     * @param sender the sender's key; its certificate must name the From address (or From is absent)
     * @param certificates where to find the recipients' certificates (others are ignored; the sender's is not needed)
     * @return the protected message
     * @throws MissingRecipientCertificateException if some recipients have no usable certificate (all are listed)
     *     and online licensing is off
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the sender's certificate does not name From;
     *     {@link CryptoFailure#MALFORMED_INPUT} if the message has no recipient, has a Bcc recipient not also in
     *     To or Cc, cannot be read, the template grants some recipients nothing, or its expiry is already past
     *     or too far to represent
     */
    public ProtectedMessage protect(MimeMessage message, ProtectionTemplate template, CertifiedKey sender,
            Collection<X509Certificate> certificates) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String issuer = issuer(message, sender);
        refuseHiddenRecipients(message, issuer);
        boolean doubleKey = online.flatMap(OnlineLicensing::doubleKey).isPresent();
        Map<String, Optional<X509Certificate>> recipients = recipients(message, issuer, doubleKey ? List.of() : certificates,
                now, online.isPresent());
        List<RecipientGrant> grants = new ArrayList<>();
        List<String> unlicensed = new ArrayList<>();
        for (Map.Entry<String, Optional<X509Certificate>> recipient : recipients.entrySet()) {
            UsageRights rights = template.rightsFor(recipient.getKey());
            if (rights.isEmpty()) {
                unlicensed.add(recipient.getKey());
            } else {
                grants.add(new RecipientGrant(recipient.getKey(), rights,
                        recipient.getValue().map(CertificateReference::of)));
            }
        }
        if (!unlicensed.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "template '" + template.name()
                    + "' grants no rights to: " + String.join(", ", unlicensed));
        }
        Optional<Instant> notAfter = template.notAfter(now);
        if (notAfter.isPresent() && !notAfter.get().isAfter(now)) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "template '" + template.name() + "' expires at "
                    + notAfter.get() + ", which is not after now (" + now + ")");
        }
        String contentId = UUID.randomUUID().toString();
        Optional<URI> link = online.isPresent() ? Optional.of(URI.create(online.get().rightsServer() + "/m/" + contentId))
                : rightsServer;
        ProtectedMimeStructure.Wrapper wrapper = ProtectedMimeStructure.Wrapper.of(senderDisplay(message, issuer), link,
                branding);
        PublishingLicense license = new PublishingLicense(contentId, issuer, now, template, notAfter,
                template.offlineDays(), new RecipientGrant(issuer, UsageRights.of(UsageRight.OWNER),
                        CertificateReference.of(sender.certificate())), grants, rightsServer, wrapper.digest());
        String signedLicense = PublishingLicenseJws.sign(license, sender);
        byte[] signed = ProtectedContentSigner.sign(innerContent(message), signedLicense, sender, now);
        List<X509Certificate> keyHolders = new ArrayList<>();
        keyHolders.add(sender.certificate());
        recipients.values().forEach(certificate -> certificate.ifPresent(keyHolders::add));
        AuthEnvelopedDataEncryptor.Encrypted encrypted = AuthEnvelopedDataEncryptor.encrypt(signed, contentId, keyHolders);
        byte[] blob = encrypted.blob();
        Optional<Registration> registration;
        try {
            registration = online.map(licensing -> registration(licensing, contentId, signedLicense, encrypted));
        } finally {
            Arrays.fill(encrypted.contentKey(), (byte) 0);
        }
        return new ProtectedMessage(ProtectedMimeStructure.build(message, wrapper, contentId,
                online.map(OnlineLicensing::rightsServer), blob), license, blob, registration);
    }

    /**
     * Wraps the content-encryption key K to the rights server (single key), or draws a random share A, sets
     * B = K XOR A and wraps A to the rights server and B to the key service (double key encryption: either
     * share alone is a one-time pad and reveals nothing about K).
     */
    private Registration registration(OnlineLicensing licensing, String contentId, String signedLicense,
            AuthEnvelopedDataEncryptor.Encrypted encrypted) {
        byte[] key = encrypted.contentKey();
        if (licensing.doubleKey().isEmpty()) {
            return new Registration(licensing.rightsServer(), contentId, signedLicense,
                    Optional.of(ContentKeyWrap.wrap(key, licensing.serverKey())), Optional.empty(),
                    Optional.of(encrypted.blob()), branding);
        }
        OnlineLicensing.DoubleKeyService service = licensing.doubleKey().get();
        byte[] shareA = new byte[key.length];
        RANDOM.nextBytes(shareA);
        byte[] shareB = ContentKeyShares.combine(key, shareA);
        try {
            return new Registration(licensing.rightsServer(), contentId, signedLicense, Optional.empty(),
                    Optional.of(new Registration.DoubleKeyShares(ContentKeyWrap.wrap(shareA, licensing.serverKey()),
                            ContentKeyWrap.wrap(shareB, service.key()), service.url())), Optional.empty(), branding);
        } finally {
            Arrays.fill(shareA, (byte) 0);
            Arrays.fill(shareB, (byte) 0);
        }
    }

    private static String issuer(MimeMessage message, CertifiedKey sender) {
        List<String> addresses = sender.addresses();
        if (addresses.isEmpty()) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "the sender's certificate names no e-mail address");
        }
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot read the From header: " + e.getMessage(), e);
        }
        if (from == null || from.length == 0) {
            return addresses.get(0);
        }
        for (Address address : from) {
            String value = address(address);
            if (addresses.contains(value)) {
                return value;
            }
        }
        throw new CryptoException(CryptoFailure.CERTIFICATE, "the sender's certificate names " + String.join(", ", addresses)
                + ", not the From address " + address(from[0]));
    }

    /** @return each recipient's certificate; empty for an online grant (only when {@code online}) */
    private static Map<String, Optional<X509Certificate>> recipients(MimeMessage message, String issuer,
            Collection<X509Certificate> certificates, Instant now, boolean online) {
        List<X509Certificate> usable = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            try {
                certificate.checkValidity(Date.from(now));
                usable.add(certificate);
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                // not usable now: its owner is reported as missing a certificate unless another one fits
            }
        }
        Map<String, Optional<X509Certificate>> recipients = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String address : headerRecipients(message, Message.RecipientType.TO, Message.RecipientType.CC)) {
            if (address.equals(issuer) || recipients.containsKey(address)) {
                continue;
            }
            Optional<X509Certificate> match = usable.stream()
                    .filter(certificate -> CertificateAddresses.matches(certificate, address)).findFirst();
            if (match.isPresent() || online) {
                recipients.put(address, match);
            } else {
                missing.add(address);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRecipientCertificateException(missing);
        }
        if (recipients.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT,
                    "the message has no recipient other than the sender (no To or Cc address)");
        }
        return recipients;
    }

    /**
     * Refuses Bcc addresses that are neither the sender nor in To or Cc: the publishing license every
     * recipient decrypts names each licensee, so protecting them in this message would disclose them.
     */
    private static void refuseHiddenRecipients(MimeMessage message, String issuer) {
        List<String> visible = headerRecipients(message, Message.RecipientType.TO, Message.RecipientType.CC);
        List<String> hidden = new ArrayList<>();
        for (String address : headerRecipients(message, Message.RecipientType.BCC)) {
            if (!address.equals(issuer) && !visible.contains(address) && !hidden.contains(address)) {
                hidden.add(address);
            }
        }
        if (!hidden.isEmpty()) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "the message has Bcc recipients ("
                    + String.join(", ", hidden) + "): every recipient can read the publishing license, which names each"
                    + " licensee; remove them and protect a separate copy for each Bcc recipient");
        }
    }

    private static List<String> headerRecipients(MimeMessage message, Message.RecipientType... types) {
        List<String> addresses = new ArrayList<>();
        try {
            for (Message.RecipientType type : types) {
                Address[] list = message.getRecipients(type);
                if (list != null) {
                    for (Address address : list) {
                        addresses.add(address(address));
                    }
                }
            }
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot read the recipient headers: " + e.getMessage(), e);
        }
        return addresses;
    }

    private static String address(Address address) {
        String value = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String senderDisplay(MimeMessage message, String issuer) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress internet) {
                return internet.toUnicodeString();
            }
        } catch (MessagingException e) {
            // fall back to the bare address
        }
        return issuer;
    }

    private static byte[] innerContent(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out, new String[] {"Bcc"});
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot write the message to protect: " + e.getMessage(), e);
        }
    }
}
