package org.sealmail.app.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.sealmail.app.ui.compose.Outbox;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.SendFailure;
import org.sealmail.app.ui.task.Progress;
import org.sealmail.app.ui.task.ProgressReporter;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;

/**
 * The {@link Outbox} that applies the chosen protection before submission: a rights template
 * with {@link ProtectedMessageBuilder} (Encrypt, Do Not Forward, custom), or S/MIME sign and/or
 * encrypt (RFC 8551: signed first, then encrypted). Bcc recipients are licensed and encrypted
 * for but never named in the message that leaves.
 */
public final class ProtectingOutbox implements Outbox {

    private final LongFunction<SenderIdentity> senders;
    private final CertificateLookup certificates;
    private final Map<String, ProtectionTemplate> customTemplates;
    private final Submission submission;
    private final Clock clock;

    /**
     * @param senders the identity of each account (by account id)
     * @param certificates correspondents' certificates
     * @param customTemplates custom rights templates by id (the built-in ones are always known)
     * @param submission hands finished messages to the outbox and the server
     * @param clock the time source
     */
    public ProtectingOutbox(LongFunction<SenderIdentity> senders, CertificateLookup certificates,
            Map<String, ProtectionTemplate> customTemplates, Submission submission, Clock clock) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.customTemplates = Map.copyOf(customTemplates);
        this.submission = Objects.requireNonNull(submission, "submission");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(OutgoingMessage message, ProgressReporter progress) {
        SenderIdentity sender = senders.apply(message.accountId());
        progress.report(new Progress(0, 3, message.protection().encrypts() || message.protection().smimeSign()
                ? "Protecting\u2026" : "Preparing\u2026"));
        byte[] bytes;
        try {
            bytes = protect(message, sender);
        } catch (CryptoException e) {
            throw new SendFailure(e.getMessage(), false, e);
        } catch (MessagingException | IOException e) {
            throw new SendFailure("the message could not be built: " + e.getMessage(), false, e);
        }
        progress.report(new Progress(1, 3, "Sending\u2026"));
        submission.submit(message.accountId(), sender.address(), bytes, message.recipients());
        progress.report(new Progress(3, 3, "Sent"));
    }

    private byte[] protect(OutgoingMessage message, SenderIdentity sender) throws MessagingException, IOException {
        ProtectionChoice choice = message.protection();
        OutgoingMimeBuilder builder = new OutgoingMimeBuilder(clock);
        if (choice.templateId().isPresent()) {
            ProtectionTemplate template = template(choice.templateId().get());
            CertifiedKey key = requireKey(sender);
            List<X509Certificate> known = new ArrayList<>();
            for (String recipient : message.recipients()) {
                certificates.certificateFor(recipient).ifPresent(known::add);
            }
            ProtectedMessage protectedMessage = new ProtectedMessageBuilder(clock)
                    .protect(builder.build(message, sender, true), template, key, known);
            MimeMessage outer = protectedMessage.message();
            outer.removeHeader("Bcc");
            return write(outer);
        }
        byte[] bytes = write(builder.build(message, sender, false));
        if (choice.smimeSign()) {
            bytes = new SmimeSigner(clock).sign(bytes, requireKey(sender), SigningOptions.defaults());
        }
        if (choice.smimeEncrypt()) {
            CertifiedKey key = requireKey(sender);
            List<EncryptionRecipient> recipients = new ArrayList<>();
            for (String recipient : message.recipients()) {
                recipients.add(new EncryptionRecipient(recipient, certificates.certificateFor(recipient).orElse(null),
                        org.sealmail.crypto.smime.SmimeCapabilities.sealmailDefault()));
            }
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
            new SmimeEncryptor(clock).encrypt(new ByteArrayInputStream(bytes), encrypted, recipients,
                    EncryptionRecipient.of(sender.address(), key.certificate()), EncryptionOptions.defaults());
            bytes = encrypted.toByteArray();
        }
        return bytes;
    }

    private ProtectionTemplate template(String id) {
        return ProtectionTemplate.builtIn(id).or(() -> Optional.ofNullable(customTemplates.get(id)))
                .orElseThrow(() -> new SendFailure("the protection template '" + id + "' is not known", false, null));
    }

    private static CertifiedKey requireKey(SenderIdentity sender) {
        return sender.key().orElseThrow(() -> new SendFailure("no S/MIME key is set up for " + sender.address()
                + " (Settings, Keys and Certificates)", false, null));
    }

    private static byte[] write(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
