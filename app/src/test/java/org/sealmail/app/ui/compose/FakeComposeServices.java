package org.sealmail.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sealmail.app.ui.task.Progress;
import org.sealmail.app.ui.task.ProgressReporter;

/** Recipient directory, outbox and draft store that record what they were asked. */
public final class FakeComposeServices implements RecipientDirectory, Outbox, DraftStore {

    /** Addresses with a known certificate. */
    public final Set<String> certificates = new java.util.HashSet<>(Set.of("alice@example.org", "bob@example.org"));
    public boolean rightsServerReachable = true;
    public RuntimeException sendFailure;
    /** When set, sending without an override reason fails with this warning. */
    public String warning;
    public final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    public final List<OutgoingMessage> savedDrafts = new CopyOnWriteArrayList<>();
    public final List<Long> deletedDrafts = new CopyOnWriteArrayList<>();
    public final List<String> progressMessages = new ArrayList<>();
    /** What {@link #check} answers. */
    public org.sealmail.policy.rules.PolicyDecision decision = org.sealmail.policy.rules.PolicyDecision.noRuleFired();
    /** The messages checked against the rules. */
    public final List<OutgoingMessage> checked = new CopyOnWriteArrayList<>();
    private final Map<String, String> names = Map.of("alice@example.org", "Alice Example <alice@example.org>",
            "albert@example.com", "Albert <albert@example.com>", "bob@example.org", "Bob <bob@example.org>");

    @Override
    public List<String> complete(String prefix, int limit) {
        return names.values().stream().filter(n -> n.toLowerCase().startsWith(prefix.toLowerCase())).sorted().limit(limit).toList();
    }

    @Override
    public RecipientReadiness readiness(String address, ProtectionChoice choice) {
        if (choice.templateId().isPresent() && !rightsServerReachable && !certificates.contains(address)) {
            return new RecipientReadiness(address, RecipientReadiness.Status.RIGHTS_SERVER_UNAVAILABLE);
        }
        if (choice.encrypts() && !certificates.contains(address) && (choice.smimeEncrypt() || !rightsServerReachable)) {
            return new RecipientReadiness(address, RecipientReadiness.Status.NO_CERTIFICATE);
        }
        return new RecipientReadiness(address, RecipientReadiness.Status.READY);
    }

    @Override
    public org.sealmail.policy.rules.PolicyDecision check(OutgoingMessage message) {
        checked.add(message);
        return decision;
    }

    @Override
    public void send(OutgoingMessage message, ProgressReporter progress) {
        progress.report(new Progress(1, 3, "Protecting\u2026"));
        if (sendFailure != null) {
            throw sendFailure;
        }
        if (warning != null && message.overrideReason().isEmpty()) {
            throw SendFailure.overrideRequired(warning);
        }
        progress.report(new Progress(2, 3, "Queued in the outbox"));
        sent.add(message);
        progress.report(new Progress(3, 3, "Submitted"));
    }

    @Override
    public long save(OptionalLong draftId, OutgoingMessage draft) {
        savedDrafts.add(draft);
        return draftId.orElse(savedDrafts.size());
    }

    @Override
    public void delete(long draftId) {
        deletedDrafts.add(draftId);
    }
}
