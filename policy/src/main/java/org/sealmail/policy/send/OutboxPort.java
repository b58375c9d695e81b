package org.sealmail.policy.send;

/**
 * Where the send pipeline hands a message once the rules allowed it and its protection was
 * applied: the durable outbox. The store's outbox implements it (wired in the app); tests use a
 * recording twin. Only messages that passed the rules ever arrive here.
 */
public interface OutboxPort {

    /**
     * Queues a message durably for submission.
     *
     * @param submission the final message (protected or signed as the rules require) and its envelope
     * @throws RuntimeException if it could not be queued; the caller reports it and nothing was sent
     */
    void enqueue(OutgoingSubmission submission);
}
