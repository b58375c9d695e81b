package org.sealmail.app.ui.compose;

import org.sealmail.app.ui.task.ProgressReporter;

/**
 * Protects a composed message, queues it durably in the outbox and submits it. Does crypto,
 * database and network I/O: call in the background.
 */
public interface Outbox {

    /**
     * @param message the message
     * @param progress receives the steps (protecting, queued, sending, sent)
     * @throws SendFailure when it could not be queued or submitted; a queued message stays in the
     *         outbox and is retried
     */
    void send(OutgoingMessage message, ProgressReporter progress);
}
