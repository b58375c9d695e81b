package org.sealmail.app.ui.compose;

import org.sealmail.app.ui.task.ProgressReporter;
import org.sealmail.policy.rules.PolicyDecision;

/**
 * Protects a composed message, queues it durably in the outbox and submits it. Does crypto,
 * database and network I/O: call in the background.
 */
public interface Outbox {

    /**
     * Evaluates the protection rules the send path applies, without sending: what the composer
     * shows before sending (which rules fire, with types and counts, and what they require).
     *
     * @param message the message as composed now
     * @return the rules' decision; held when no rules are in force because the rules file was rejected
     * @throws SendFailure when the message cannot be built to be checked
     */
    PolicyDecision check(OutgoingMessage message);

    /**
     * @param message the message
     * @param progress receives the steps (protecting, queued, sending, sent)
     * @throws SendFailure when it could not be queued or submitted; a queued message stays in the
     *         outbox and is retried
     */
    void send(OutgoingMessage message, ProgressReporter progress);
}
