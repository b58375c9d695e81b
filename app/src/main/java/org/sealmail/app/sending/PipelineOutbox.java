package org.sealmail.app.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
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
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.sealmail.policy.send.SendRequest;
import org.sealmail.policy.send.SendResult;
import org.sealmail.policy.send.SendStatus;

/**
 * The composer's {@link Outbox}: builds the MIME message of what was composed and hands it, with
 * the user's protection choice (a rights template, or S/MIME sign and/or encrypt), to the one
 * send path every message takes ({@link OutgoingMessagePipeline}: rules, protection, durable
 * outbox). A message the pipeline blocks, holds or wants an override reason for is reported as a
 * {@link SendFailure} with the pipeline's explanation; nothing is sent then.
 */
public final class PipelineOutbox implements Outbox {

    private final LongFunction<SenderIdentity> senders;
    private final LongFunction<OutgoingMessagePipeline> pipelines;
    private final Map<String, ProtectionTemplate> customTemplates;
    private final Clock clock;

    /**
     * @param senders the identity of each account (by account id)
     * @param pipelines the send pipeline of each account (its rules and its outbox)
     * @param customTemplates custom rights templates by id (the built-in ones are always known)
     * @param clock the time source (Date header)
     */
    public PipelineOutbox(LongFunction<SenderIdentity> senders, LongFunction<OutgoingMessagePipeline> pipelines,
            Map<String, ProtectionTemplate> customTemplates, Clock clock) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.customTemplates = Map.copyOf(customTemplates);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PolicyDecision check(OutgoingMessage message) {
        SenderIdentity sender = senders.apply(message.accountId());
        try {
            return pipelines.apply(message.accountId()).evaluate(new OutgoingMimeBuilder(clock).build(message, sender, true));
        } catch (MessagingException e) {
            throw new SendFailure("the message could not be built: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void send(OutgoingMessage message, ProgressReporter progress) {
        SenderIdentity sender = senders.apply(message.accountId());
        ProtectionChoice choice = message.protection();
        progress.report(new Progress(0, 2, choice.encrypts() || choice.smimeSign() ? "Protecting\u2026" : "Preparing\u2026"));
        MimeMessage mime;
        try {
            mime = new OutgoingMimeBuilder(clock).build(message, sender, true);
        } catch (MessagingException e) {
            throw new SendFailure("the message could not be built: " + e.getMessage(), false, e);
        }
        SendRequest request = new SendRequest(mime, sender.key(), choice.templateId().map(this::template),
                choice.smimeSign(), choice.smimeEncrypt(), message.overrideReason());
        SendResult result = pipelines.apply(message.accountId()).send(request);
        if (result.status() == SendStatus.OVERRIDE_REQUIRED) {
            throw SendFailure.overrideRequired(result.explanation());
        }
        if (result.status() != SendStatus.QUEUED) {
            throw new SendFailure(result.explanation(), false, null);
        }
        progress.report(new Progress(2, 2, "Queued in the outbox"));
    }

    private ProtectionTemplate template(String id) {
        return ProtectionTemplate.builtIn(id).or(() -> Optional.ofNullable(customTemplates.get(id)))
                .orElseThrow(() -> new SendFailure("the protection template '" + id + "' is not known", false, null));
    }
}
