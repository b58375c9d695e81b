package org.sealmail.app.ui.opening;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.security.auth.x500.X500Principal;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.EncryptionCheck;
import org.sealmail.app.ui.reader.MessageOpener;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ProtectionStatus;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.reader.SignatureCheck;
import org.sealmail.app.ui.reader.SmimeProtection;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessageFormat;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.crypto.rights.message.RightsServerLicensing;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.smime.decrypt.DecryptedEntity;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import org.sealmail.crypto.smime.verify.AddressCheck;
import org.sealmail.crypto.smime.verify.Coverage;
import org.sealmail.crypto.smime.verify.SignatureVerification;
import org.sealmail.crypto.smime.verify.SignerVerification;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationStatus;
import org.sealmail.crypto.smime.verify.VerificationPolicy;

/**
 * The {@link MessageOpener} over stored messages: a rights-protected message is opened with the
 * user's keys ({@link ProtectedMessageOpener}), an S/MIME encrypted one decrypted
 * ({@link SmimeDecryptor}) and a signed one verified ({@link SmimeVerifier}, RFC 8551); the
 * result becomes the reader's {@link OpenedMessage}. Decrypted content stays in memory.
 */
public final class StoredMessageOpener implements MessageOpener {

    private final RawMessageSource source;
    private final KeyMaterial keys;
    private final UseLicenseCache licenses;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final Optional<OnlineOpening> online;

    /**
     * How the reader opens messages licensed online (docs/rights-server-api.md §4-6) when no own key opens them.
     *
     * @param device the profile's device key
     * @param ownAddresses the user's addresses; the one the message was sent to signs in (else the first)
     * @param licensing the rights server side (passcode dialog or mailbox, HTTPS)
     */
    public record OnlineOpening(DeviceKey device, List<String> ownAddresses, RightsServerLicensing licensing) {

        /** Copies the addresses and checks there is one. */
        public OnlineOpening {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(licensing, "licensing");
            ownAddresses = ownAddresses.stream().map(address -> address.trim().toLowerCase(java.util.Locale.ROOT)).toList();
            if (ownAddresses.isEmpty()) {
                throw new IllegalArgumentException("online opening needs at least one own address");
            }
        }
    }

    /**
     * @param source the stored message bytes
     * @param keys own keys and trust anchors
     * @param licenses the use-license cache of protected messages
     * @param clock the time source (expiry, certificate validity)
     */
    public StoredMessageOpener(RawMessageSource source, KeyMaterial keys, UseLicenseCache licenses, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.licenses = Objects.requireNonNull(licenses, "licenses");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.online = Optional.empty();
    }

    private StoredMessageOpener(StoredMessageOpener base, OnlineOpening online) {
        this.source = base.source;
        this.keys = base.keys;
        this.licenses = base.licenses;
        this.clock = base.clock;
        this.online = Optional.of(online);
    }

    /**
     * @param opening the device key, own addresses and rights server side
     * @return an opener that asks the rights server the message names when none of the own keys opens it
     */
    public StoredMessageOpener withOnlineLicensing(OnlineOpening opening) {
        return new StoredMessageOpener(this, opening);
    }

    @Override
    public OpenedMessage open(long messageId) {
        byte[] raw = source.raw(messageId);
        try {
            MimeMessage outer = new MimeMessage(session, new ByteArrayInputStream(raw));
            if (outer.getHeader(ProtectedMessageFormat.HEADER) != null) {
                return openRightsProtected(messageId, raw, outer);
            }
            String type = baseType(outer.getContentType());
            if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")) {
                String smimeType = new ContentType(outer.getContentType()).getParameter("smime-type");
                if (smimeType == null || !smimeType.equalsIgnoreCase("signed-data")) {
                    return openEncrypted(messageId, raw, outer);
                }
            }
            return openSignedOrClear(messageId, raw, outer);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("message " + messageId + " is not a readable MIME message: " + e.getMessage(), e);
        }
    }

    private OpenedMessage openRightsProtected(long id, byte[] raw, MimeMessage outer) throws MessagingException, IOException {
        OpenResult best = null;
        for (CertifiedKey key : keys.privateKeys()) {
            OpenResult result = new ProtectedMessageOpener(key, licenses, clock)
                    .withTrustAnchors(keys.anchorCertificates()).open(raw);
            if (result.opened()) {
                best = result;
                break;
            }
            if (best == null || best.status() == OpenStatus.NOT_A_RECIPIENT) {
                best = result;
            }
        }
        if ((best == null || best.status() == OpenStatus.NOT_A_RECIPIENT) && online.isPresent()) {
            OnlineOpening opening = online.get();
            best = ProtectedMessageOpener.online(opening.device(), licensee(outer, opening.ownAddresses()), opening.licensing(),
                    licenses, clock).withTrustAnchors(keys.anchorCertificates()).open(raw);
        }
        if (best == null) {
            return build(id, outer, new RightsProtection(templateName(outer), sender(outer), EnumSet.noneOf(UsageRight.class),
                    Optional.empty(), RightsProtection.Outcome.NOT_A_RECIPIENT), List.of(), List.of());
        }
        OpenResult result = best;
        String template = result.publishingLicense().map(pl -> pl.template().name()).orElse(templateName(outer));
        String issuer = result.publishingLicense().map(pl -> pl.issuer()).orElse(sender(outer));
        Optional<Instant> notAfter = result.notAfter().or(() -> result.publishingLicense().flatMap(pl -> pl.notAfter()));
        RightsProtection protection = new RightsProtection(template, issuer, result.rights().asSet(), notAfter,
                switch (result.status()) {
                    case OPENED -> RightsProtection.Outcome.OPENED;
                    case EXPIRED -> RightsProtection.Outcome.EXPIRED;
                    case NOT_A_RECIPIENT -> RightsProtection.Outcome.NOT_A_RECIPIENT;
                    case TAMPERED -> RightsProtection.Outcome.TAMPERED;
                    case MALFORMED -> RightsProtection.Outcome.MALFORMED;
                    case REVOKED -> RightsProtection.Outcome.REVOKED;
                    case UNAVAILABLE -> RightsProtection.Outcome.LICENSE_UNAVAILABLE;
                });
        if (!result.opened()) {
            return build(id, outer, protection, List.of(), List.of());
        }
        DisplayPartExtractor extractor = new DisplayPartExtractor();
        extractor.walk(new MimeBodyPart(new ByteArrayInputStream(result.content().orElseThrow())),
                DisplayPart.Origin.DECRYPTED, DisplayPart.Origin.DECRYPTED);
        return build(id, outer, protection, extractor.parts(), extractor.attachments());
    }

    private static String licensee(MimeMessage outer, List<String> own) throws MessagingException {
        jakarta.mail.Address[] recipients = outer.getAllRecipients();
        if (recipients != null) {
            for (jakarta.mail.Address address : recipients) {
                if (address instanceof jakarta.mail.internet.InternetAddress internet
                        && own.contains(internet.getAddress().trim().toLowerCase(java.util.Locale.ROOT))) {
                    return internet.getAddress().trim().toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return own.get(0);
    }

    private OpenedMessage openEncrypted(long id, byte[] raw, MimeMessage outer) throws MessagingException, IOException {
        DecryptedEntity decrypted;
        try {
            decrypted = new SmimeDecryptor().decrypt(raw, keys.privateKeys());
        } catch (CryptoException e) {
            EncryptionCheck.Outcome outcome = switch (e.failure()) {
                case NO_MATCHING_KEY -> EncryptionCheck.Outcome.NO_MATCHING_KEY;
                case AUTHENTICATION_FAILED -> EncryptionCheck.Outcome.AUTHENTICATION_FAILED;
                case UNSUPPORTED_ALGORITHM -> EncryptionCheck.Outcome.UNSUPPORTED_ALGORITHM;
                default -> EncryptionCheck.Outcome.MALFORMED;
            };
            return build(id, outer, new SmimeProtection(Optional.empty(),
                    Optional.of(new EncryptionCheck(e.getMessage(), false, outcome))), List.of(), List.of());
        }
        EncryptionCheck encryption = new EncryptionCheck(decrypted.result().contentEncryption().name(),
                decrypted.result().integrityProtected(), EncryptionCheck.Outcome.DECRYPTED);
        // The decrypted entity has no From: verify it inside the outer headers (RFC 8551 §3.7 nesting).
        byte[] inner = withOuterHeaders(outer, decrypted.entity());
        Optional<SignatureCheck> signature = Optional.empty();
        byte[] shown = decrypted.entity();
        try {
            SignatureVerification verification = verifier().verify(inner);
            if (verification.status() != VerificationStatus.NOT_SIGNED) {
                signature = Optional.of(signatureCheck(verification));
                shown = verification.signedContent();
            }
        } catch (CryptoException e) {
            signature = Optional.of(malformedSignature(e));
        }
        DisplayPartExtractor extractor = new DisplayPartExtractor();
        extractor.walk(new MimeBodyPart(new ByteArrayInputStream(shown)), DisplayPart.Origin.DECRYPTED,
                DisplayPart.Origin.DECRYPTED);
        return build(id, outer, new SmimeProtection(signature, Optional.of(encryption)), extractor.parts(),
                extractor.attachments());
    }

    private OpenedMessage openSignedOrClear(long id, byte[] raw, MimeMessage outer) throws MessagingException, IOException {
        DisplayPartExtractor extractor = new DisplayPartExtractor();
        SignatureVerification verification;
        try {
            verification = verifier().verify(raw);
        } catch (CryptoException e) {
            extractor.walk(outer, DisplayPart.Origin.CLEAR, DisplayPart.Origin.CLEAR);
            return build(id, outer, new SmimeProtection(Optional.of(malformedSignature(e)), Optional.empty()),
                    extractor.parts(), extractor.attachments());
        }
        if (verification.status() == VerificationStatus.NOT_SIGNED) {
            extractor.walk(outer, DisplayPart.Origin.CLEAR, DisplayPart.Origin.CLEAR);
            return build(id, outer, new ProtectionStatus.Unprotected(), extractor.parts(), extractor.attachments());
        }
        SignatureCheck check = signatureCheck(verification);
        DisplayPart.Origin signedOrigin = verification.status() == VerificationStatus.BAD_SIGNATURE
                ? DisplayPart.Origin.CLEAR : DisplayPart.Origin.SIGNED;
        if (verification.coverage() == Coverage.WHOLE) {
            extractor.walk(new MimeBodyPart(new ByteArrayInputStream(verification.signedContent())), signedOrigin, signedOrigin);
        } else {
            extractor.walk(outer, DisplayPart.Origin.CLEAR, signedOrigin);
        }
        return build(id, outer, new SmimeProtection(Optional.of(check), Optional.empty()), extractor.parts(),
                extractor.attachments());
    }

    private SmimeVerifier verifier() {
        List<X509Certificate> known = new ArrayList<>();
        keys.privateKeys().forEach(key -> known.addAll(key.chain()));
        return new SmimeVerifier(keys.anchorCertificates(), known, VerificationPolicy.modern(), clock);
    }

    private static SignatureCheck signatureCheck(SignatureVerification verification) {
        SignerVerification signer = verification.signers().stream()
                .filter(s -> s.status() == verification.status()).findFirst()
                .orElse(verification.signers().isEmpty() ? null : verification.signers().get(0));
        String name = "";
        String address = "";
        boolean trusted = false;
        boolean matches = false;
        String problem = verification.note().orElse("");
        if (signer != null) {
            name = signer.certificate().map(StoredMessageOpener::commonName).orElse("");
            List<String> senders = verification.senderAddresses();
            address = signer.certificateAddresses().stream().filter(a -> senders.stream().anyMatch(a::equalsIgnoreCase))
                    .findFirst().orElse(signer.certificateAddresses().isEmpty() ? "" : signer.certificateAddresses().get(0));
            trusted = signer.trust().trusted();
            matches = signer.addressCheck() == AddressCheck.MATCH;
            problem = String.join("; ", signer.problems());
        }
        SignatureCheck.Outcome outcome = switch (verification.status()) {
            case VALID, ADDRESS_MISMATCH, UNTRUSTED -> SignatureCheck.Outcome.VERIFIED;
            case CERTIFICATE_UNSUITABLE -> SignatureCheck.Outcome.CERTIFICATE_UNSUITABLE;
            case UNSUPPORTED_ALGORITHM -> SignatureCheck.Outcome.UNSUPPORTED_ALGORITHM;
            case BAD_SIGNATURE -> SignatureCheck.Outcome.BAD_SIGNATURE;
            case NOT_SIGNED -> throw new IllegalArgumentException("not signed");
        };
        return new SignatureCheck(outcome, name, address, trusted, matches, verification.coverage() == Coverage.WHOLE,
                problem);
    }

    private static SignatureCheck malformedSignature(CryptoException e) {
        return new SignatureCheck(SignatureCheck.Outcome.MALFORMED, "", "", false, false, false, e.getMessage());
    }

    private static String commonName(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String rdn : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (rdn.regionMatches(true, 0, "CN=", 0, 3)) {
                return rdn.substring(3).replace("\\", "");
            }
        }
        return "";
    }

    private static byte[] withOuterHeaders(MimeMessage outer, byte[] entity) throws MessagingException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String name : List.of("From", "Sender", "To", "Cc", "Date", "Subject")) {
            String[] values = outer.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    joined.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        joined.writeBytes(entity);
        return joined.toByteArray();
    }

    private OpenedMessage build(long id, MimeMessage outer, ProtectionStatus protection, List<DisplayPart> parts,
            List<org.sealmail.app.ui.reader.AttachmentInfo> attachments) throws MessagingException {
        Instant date = outer.getSentDate() != null ? outer.getSentDate().toInstant() : clock.instant();
        return new OpenedMessage(id, addresses(outer.getFrom()).stream().findFirst().orElse(""),
                addresses(outer.getRecipients(Message.RecipientType.TO)),
                addresses(outer.getRecipients(Message.RecipientType.CC)),
                outer.getSubject() == null ? "" : outer.getSubject(), date, protection, parts, attachments);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> a instanceof InternetAddress internet
                ? internet.toUnicodeString() : a.toString()).toList();
    }

    private static String sender(MimeMessage outer) throws MessagingException {
        Address[] from = outer.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress internet ? internet.getAddress() : "";
    }

    private static String templateName(MimeMessage outer) throws MessagingException {
        String[] header = outer.getHeader(ProtectedMessageFormat.HEADER);
        return header != null && header.length > 0 ? header[0] : "";
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType == null ? "text/plain" : contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return "";
        }
    }
}
