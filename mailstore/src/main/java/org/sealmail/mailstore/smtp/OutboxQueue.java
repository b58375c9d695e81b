package org.sealmail.mailstore.smtp;

import java.util.List;

/**
 * The durable outbox as the sender sees it. Every state change is committed before the call
 * returns, so a crash after any call leaves the entry in the state that call set.
 */
public interface OutboxQueue {

    /**
     * @param accountId the account
     * @param state a state
     * @return the account's entries in that state, oldest first
     */
    List<OutboxEntry> entries(String accountId, OutboxState state);

    /**
     * QUEUED → SENDING, attempts + 1, atomically.
     *
     * @param id the entry
     * @return false if it was not QUEUED (another sender took it)
     */
    boolean markSending(long id);

    /** SENDING → SENT (the server answered 250 to the end of DATA). */
    void markSent(long id);

    /** → QUEUED with the reason of the failed attempt (it will be tried again). */
    void markQueued(long id, String lastError);

    /** → FAILED with the reason (not tried again without the user). */
    void markFailed(long id, String lastError);
}
