package org.sealmail.mailstore.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sealmail.mailstore.smtp.OutboxEntry;
import org.sealmail.mailstore.smtp.OutboxQueue;
import org.sealmail.mailstore.smtp.OutboxState;

/** The in-memory twin of the store's outbox, for tests. */
public final class InMemoryOutboxQueue implements OutboxQueue {

    private final Map<Long, OutboxEntry> entries = new TreeMap<>();
    private long nextId = 1;

    /**
     * @param accountId the account
     * @param messageId the message's Message-ID
     * @param rfc822 the message
     * @return the new entry's id (QUEUED)
     */
    public synchronized long enqueue(String accountId, String messageId, byte[] rfc822) {
        long id = nextId++;
        entries.put(id, OutboxEntry.of(id, accountId, messageId, rfc822, OutboxState.QUEUED, 0, null));
        return id;
    }

    /** Puts an entry into a state directly (to model what a crash left behind). */
    public synchronized void force(long id, OutboxState state) {
        OutboxEntry e = entries.get(id);
        entries.put(id, OutboxEntry.of(id, e.accountId(), e.messageId(), e.rfc822(), state, e.attempts(), e.lastError()));
    }

    /** @return the entry */
    public synchronized OutboxEntry get(long id) {
        return entries.get(id);
    }

    @Override
    public synchronized List<OutboxEntry> entries(String accountId, OutboxState state) {
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            if (e.accountId().equals(accountId) && e.state() == state) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean markSending(long id) {
        OutboxEntry e = entries.get(id);
        if (e == null || e.state() != OutboxState.QUEUED) {
            return false;
        }
        entries.put(id, OutboxEntry.of(id, e.accountId(), e.messageId(), e.rfc822(), OutboxState.SENDING,
                e.attempts() + 1, e.lastError()));
        return true;
    }

    @Override
    public synchronized void markSent(long id) {
        set(id, OutboxState.SENT, null);
    }

    @Override
    public synchronized void markQueued(long id, String lastError) {
        set(id, OutboxState.QUEUED, lastError);
    }

    @Override
    public synchronized void markFailed(long id, String lastError) {
        set(id, OutboxState.FAILED, lastError);
    }

    private void set(long id, OutboxState state, String error) {
        OutboxEntry e = entries.get(id);
        entries.put(id, OutboxEntry.of(id, e.accountId(), e.messageId(), e.rfc822(), state, e.attempts(),
                error != null ? error : e.lastError()));
    }
}
