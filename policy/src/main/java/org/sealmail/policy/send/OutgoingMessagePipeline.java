package org.sealmail.policy.send;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.MissingRecipientCertificateException;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.branding.BrandingTemplate;
import org.sealmail.policy.content.MessageContent;
import org.sealmail.policy.content.MessageContentExtractor;
import org.sealmail.policy.content.UnreadableMessageException;
import org.sealmail.policy.rules.AppliedTemplate;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleAction;
import org.sealmail.policy.rules.RuleEvaluator;
import org.sealmail.policy.rules.RuleSet;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.rules.TemplateStrength;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every outgoing message takes before the outbox, whether from the composer or
 * the command line (docs/protection-rules.md, "The send path"):
 *
 * <ol>
 *   <li>evaluate the rules in force ({@link RuleSetHolder}); no rules in force while a rules file is
 *       configured, an unreadable message or a rule that times out: <b>held</b>;</li>
 *   <li>a blocking rule: <b>blocked</b>, with its message;</li>
 *   <li>warning rules: <b>override required</b> until the request carries a reason, which is then logged to
 *       the audit log and handed to the outbox (never put into the message);</li>
 *   <li>a template (the strongest of the rules' and the user's choice): protect with
 *       {@link ProtectedMessageBuilder} in the rule's branding (the protected format is signed by the sender,
 *       which also meets a signing requirement, and encrypted, which replaces a chosen S/MIME encryption);
 *       otherwise, if a rule or the user requires signing, sign with S/MIME (RFC 8551, detached), and if
 *       the user chose S/MIME encryption, encrypt the result for every recipient and the sender
 *       (sign, then encrypt: RFC 8551 §3.7);</li>
 *   <li>hand the result to the {@link OutboxPort}.</li>
 * </ol>
 * A required protection that cannot be applied (no sender key, a recipient without certificate)
 * holds the message: nothing is ever sent with less protection than the rules require.
 */
public final class OutgoingMessagePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingMessagePipeline.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.sealmail.policy.audit");

    private final RuleSetHolder rules;
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private final RecipientCertificates certificates;
    private final Optional<OnlineLicensingPort> online;
    private final OutboxPort outbox;
    private final Clock clock;

    /**
     * @param rules the rules in force
     * @param certificates where recipients' certificates are found
     * @param outbox where allowed messages go
     * @param clock time for protection, signing and override records
     */
    public OutgoingMessagePipeline(RuleSetHolder rules, RecipientCertificates certificates, OutboxPort outbox, Clock clock) {
        this(rules, certificates, outbox, clock, Optional.empty());
    }

    private OutgoingMessagePipeline(RuleSetHolder rules, RecipientCertificates certificates, OutboxPort outbox, Clock clock,
            Optional<OnlineLicensingPort> online) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.online = Objects.requireNonNull(online, "online");
    }

    /**
     * @param port the rights server
     * @return a pipeline that protects with online licensing when a recipient has no certificate (or always, with
     *     double key encryption): those recipients get online grants, and the message is registered with the rights
     *     server before it is queued (a registration that fails holds the message)
     */
    public OutgoingMessagePipeline withOnlineLicensing(OnlineLicensingPort port) {
        return new OutgoingMessagePipeline(rules, certificates, outbox, clock, Optional.of(port));
    }

    /**
     * Evaluates the rules for a message without sending it: what the composer shows before sending.
     *
     * @param message the message as composed
     * @return the decision (held if no rules are in force or the message cannot be read)
     */
    public PolicyDecision evaluate(MimeMessage message) {
        Optional<RuleSet> ruleSet = rules.current();
        if (ruleSet.isEmpty()) {
            String file = rules.file().map(Object::toString).orElse("the rules file");
            String problems = rules.problems().stream().map(PolicyFileProblem::toString).collect(Collectors.joining("; "));
            return PolicyDecision.held("no rules are in force: " + file + " was rejected (" + problems
                    + "); outgoing mail is held until it is fixed", List.of());
        }
        MessageContent content;
        try {
            content = MessageContentExtractor.extract(message);
        } catch (UnreadableMessageException e) {
            return PolicyDecision.held("the message cannot be checked against the rules: " + e.getMessage(), List.of());
        }
        return evaluator.evaluate(ruleSet.get(), content);
    }

    /**
     * Sends a message through the rules.
     *
     * @param request the message and the user's choices
     * @return queued, blocked, override required or held, with the decision and an explanation
     * @throws RuntimeException whatever the {@link OutboxPort} throws when it cannot queue (nothing was sent)
     */
    public SendResult send(SendRequest request) {
        PolicyDecision decision = evaluate(request.message());
        switch (decision.verdict()) {
            case HOLD:
                return notSent(SendStatus.HELD, decision, decision.holdReason().orElseThrow());
            case BLOCK:
                return notSent(SendStatus.BLOCKED, decision, decision.blockMessage().orElseThrow());
            case WARN:
                if (request.overrideReason().filter(reason -> !reason.isBlank()).isEmpty()) {
                    return notSent(SendStatus.OVERRIDE_REQUIRED, decision, String.join(" ", decision.warnings())
                            + " To send anyway, give a reason.");
                }
                break;
            default:
                break;
        }
        Optional<PolicyOverride> override = decision.overrideRequired()
                ? Optional.of(new PolicyOverride(request.overrideReason().orElseThrow(), warningRules(decision), clock.instant()))
                : Optional.empty();
        Optional<AppliedTemplate> template = template(decision, request, rules.current().orElse(RuleSet.EMPTY));
        boolean signing = decision.signingRequired() || request.chosenSigning();
        byte[] bytes;
        boolean smimeSigned = false;
        boolean smimeEncrypted = false;
        try {
            if (template.isPresent()) {
                bytes = protect(request, template.get());
            } else {
                bytes = bytes(request.message());
                if (signing) {
                    bytes = new SmimeSigner(clock).sign(bytes, senderKey(request, "S/MIME signing"), SigningOptions.defaults());
                    smimeSigned = true;
                }
                if (request.chosenSmimeEncryption()) {
                    bytes = encrypt(request, bytes);
                    smimeEncrypted = true;
                }
            }
        } catch (ProtectionUnavailableException e) {
            return notSent(SendStatus.HELD, decision, e.getMessage());
        } catch (OnlineLicensingUnavailableException e) {
            return notSent(SendStatus.HELD, decision, "cannot protect the message with online licensing: " + e.getMessage()
                    + "; it was not sent");
        } catch (MissingRecipientCertificateException e) {
            return notSent(SendStatus.HELD, decision, "cannot protect the message with " + template.map(applied -> applied
                    .template().name()).orElse("S/MIME encryption") + ": " + e.getMessage() + "; it was not sent");
        } catch (CryptoException e) {
            return notSent(SendStatus.HELD, decision, "the required protection could not be applied: " + e.getMessage()
                    + "; the message was not sent");
        }
        List<String> fired = decision.firedRules().stream().map(FiredRule::name).toList();
        OutgoingSubmission submission = new OutgoingSubmission(bytes, envelopeSender(request), envelopeRecipients(request),
                fired, template.map(applied -> applied.template().id()), smimeSigned, smimeEncrypted, override);
        override.ifPresent(value -> AUDIT.info("send by {} despite warning rules {}; reason: {}", submission.envelopeSender(),
                value.rules(), value.reason()));
        outbox.enqueue(submission);
        LOG.debug("queued a message for {} recipients (rules fired: {}, template: {}, S/MIME signed: {}, encrypted: {})",
                submission.envelopeRecipients().size(), fired, submission.protectionTemplateId().orElse("none"), smimeSigned,
                smimeEncrypted);
        String how = template.map(applied -> "protected with " + applied.template().name())
                .orElse(smimeSigned && smimeEncrypted ? "signed and encrypted with S/MIME" : smimeSigned ? "signed with S/MIME"
                        : smimeEncrypted ? "encrypted with S/MIME" : "as composed");
        return new SendResult(SendStatus.QUEUED, decision, "queued in the outbox, " + how, Optional.of(submission));
    }

    private static SendResult notSent(SendStatus status, PolicyDecision decision, String explanation) {
        return new SendResult(status, decision, explanation, Optional.empty());
    }

    private static List<String> warningRules(PolicyDecision decision) {
        return decision.firedRules().stream()
                .filter(rule -> rule.actions().stream().anyMatch(action -> action instanceof RuleAction.Warn))
                .map(FiredRule::name).toList();
    }

    /**
     * The strongest of the rules' template and the user's; a tie goes to the rule (it carries the branding). The
     * user's template is wrapped in the branding the rules file gives it ({@link RuleSet#brandingFor}).
     */
    private static Optional<AppliedTemplate> template(PolicyDecision decision, SendRequest request, RuleSet ruleSet) {
        Optional<AppliedTemplate> fromRules = decision.template();
        if (request.chosenTemplate().isEmpty()) {
            return fromRules;
        }
        if (fromRules.isPresent() && !TemplateStrength.stronger(request.chosenTemplate().get(), fromRules.get().template())) {
            return fromRules;
        }
        BrandingTemplate branding = ruleSet.brandingFor(request.chosenTemplate().get());
        return Optional.of(new AppliedTemplate(request.chosenTemplate().get(), branding, "composer"));
    }

    private byte[] protect(SendRequest request, AppliedTemplate template) {
        CertifiedKey sender = senderKey(request, "protection with " + template.template().name());
        List<X509Certificate> found = new ArrayList<>();
        for (String address : envelopeRecipients(request)) {
            found.addAll(certificates.forAddress(address));
        }
        ProtectedMessageBuilder builder = new ProtectedMessageBuilder(clock).withBranding(template.branding().branding());
        if (online.isPresent() && (online.get().doubleKey() || !allHaveCertificates(envelopeRecipients(request),
                envelopeSender(request), found))) {
            try {
                builder = builder.withOnlineLicensing(online.get().licensing());
            } catch (RuntimeException e) {
                throw new OnlineLicensingUnavailableException("the rights server cannot be asked: " + e.getMessage(), e);
            }
        }
        ProtectedMessage protectedMessage = builder.protect(request.message(), template.template(), sender, found);
        if (protectedMessage.registration().isPresent()) {
            try {
                online.orElseThrow().register(protectedMessage.registration().get(), sender);
            } catch (RuntimeException e) {
                throw new OnlineLicensingUnavailableException("the rights server did not register it: " + e.getMessage(), e);
            }
        }
        return protectedMessage.toBytes();
    }

    private boolean allHaveCertificates(List<String> recipients, String sender, List<X509Certificate> found) {
        Date now = Date.from(clock.instant());
        for (String address : recipients) {
            if (address.equals(sender)) {
                continue;
            }
            boolean usable = found.stream().anyMatch(certificate -> CertificateAddresses.matches(certificate, address)
                    && !now.before(certificate.getNotBefore()) && !now.after(certificate.getNotAfter()));
            if (!usable) {
                return false;
            }
        }
        return true;
    }

    private byte[] encrypt(SendRequest request, byte[] message) {
        CertifiedKey sender = senderKey(request, "S/MIME encryption");
        List<EncryptionRecipient> recipients = new ArrayList<>();
        for (String address : envelopeRecipients(request)) {
            X509Certificate certificate = certificates.forAddress(address).stream()
                    .filter(candidate -> CertificateAddresses.matches(candidate, address)).findFirst().orElse(null);
            recipients.add(EncryptionRecipient.of(address, certificate));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length * 4 / 3 + 4096);
        new SmimeEncryptor(clock).encrypt(new ByteArrayInputStream(message), out, recipients,
                EncryptionRecipient.of(envelopeSender(request), sender.certificate()), EncryptionOptions.defaults());
        return out.toByteArray();
    }

    private static CertifiedKey senderKey(SendRequest request, String purpose) {
        return request.senderKey().orElseThrow(() -> new ProtectionUnavailableException(purpose
                + " needs the sender's key and certificate, and no sender key is available; the message was not sent"));
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new ProtectionUnavailableException("the message cannot be written: " + e.getMessage());
        }
    }

    private static String envelopeSender(SendRequest request) {
        try {
            Address[] from = request.message().getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress internet) {
                return internet.getAddress().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            LOG.debug("unreadable From header; using the sender key's address", e);
        }
        return request.senderKey().flatMap(key -> key.addresses().stream().findFirst()).orElse("");
    }

    private static List<String> envelopeRecipients(SendRequest request) {
        try {
            Set<String> addresses = new LinkedHashSet<>();
            Address[] all = request.message().getAllRecipients();
            if (all != null) {
                for (Address address : all) {
                    addresses.add((address instanceof InternetAddress internet ? internet.getAddress() : address.toString())
                            .strip().toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(addresses);
        } catch (MessagingException e) {
            throw new ProtectionUnavailableException("the recipients cannot be read: " + e.getMessage());
        }
    }

    /** Online licensing was needed but the rights server could not be asked or did not register the message. */
    private static final class OnlineLicensingUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OnlineLicensingUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A required protection cannot be applied; the message is held. */
    private static final class ProtectionUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtectionUnavailableException(String message) {
            super(message);
        }
    }
}
