package org.sealmail.app.ui.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.sealmail.app.ui.compose.DraftStore;
import org.sealmail.app.ui.compose.Outbox;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.RecipientDirectory;
import org.sealmail.app.ui.compose.RecipientReadiness;
import org.sealmail.app.ui.task.Progress;
import org.sealmail.app.ui.task.ProgressReporter;
import org.sealmail.policy.rules.PolicyDecision;

/**
 * In-memory twins of the recipient directory, the outbox and the draft store: known contacts and
 * certificates are given, sent messages and drafts are kept in lists.
 */
public final class InMemoryComposeServices implements RecipientDirectory, Outbox, DraftStore {

    private final List<String> contacts = new CopyOnWriteArrayList<>();
    private final Set<String> certificates = ConcurrentHashMap.newKeySet();
    private final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
    private final Map<Long, OutgoingMessage> drafts = new ConcurrentHashMap<>();
    private final AtomicLong draftIds = new AtomicLong();

    /**
     * @param contact e.g. {@code "Alice <alice@example.org>"}
     * @param hasCertificate whether a certificate is known for the address
     * @param address the bare address
     */
    public void addContact(String contact, String address, boolean hasCertificate) {
        contacts.add(contact);
        if (hasCertificate) {
            certificates.add(address.toLowerCase(Locale.ROOT));
        }
    }

    /** @return the messages sent so far */
    public List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    /** @return the drafts, by id */
    public Map<Long, OutgoingMessage> drafts() {
        return Map.copyOf(drafts);
    }

    @Override
    public List<String> complete(String prefix, int limit) {
        String needle = prefix.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String contact : contacts) {
            if (contact.toLowerCase(Locale.ROOT).contains(needle) && matches.size() < limit) {
                matches.add(contact);
            }
        }
        return matches;
    }

    @Override
    public RecipientReadiness readiness(String address, ProtectionChoice choice) {
        boolean known = certificates.contains(address.toLowerCase(Locale.ROOT));
        return new RecipientReadiness(address, !choice.encrypts() || known ? RecipientReadiness.Status.READY
                : RecipientReadiness.Status.NO_CERTIFICATE);
    }

    /** The in-memory twin has no protection rules: no rule ever fires. */
    @Override
    public PolicyDecision check(OutgoingMessage message) {
        return PolicyDecision.noRuleFired();
    }

    @Override
    public void send(OutgoingMessage message, ProgressReporter progress) {
        progress.report(new Progress(1, 2, "Queued"));
        sent.add(message);
        progress.report(new Progress(2, 2, "Sent"));
    }

    @Override
    public long save(OptionalLong draftId, OutgoingMessage draft) {
        long id = draftId.orElseGet(draftIds::incrementAndGet);
        drafts.put(id, draft);
        return id;
    }

    @Override
    public void delete(long draftId) {
        drafts.remove(draftId);
    }
}
