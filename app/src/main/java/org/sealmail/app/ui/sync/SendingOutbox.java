package org.sealmail.app.ui.sync;

import java.util.Objects;
import org.sealmail.app.ui.compose.Outbox;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.SendFailure;
import org.sealmail.app.ui.task.Progress;
import org.sealmail.app.ui.task.ProgressReporter;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.smtp.OutboxRun;
import org.sealmail.policy.rules.PolicyDecision;

/**
 * The composer's {@link Outbox}: protects and queues through the send pipeline, then runs the
 * account's outbox sender at once so the composer shows "sent" or the server's answer. A message
 * the server could not take for now stays queued and the background sync retries it.
 */
public final class SendingOutbox implements Outbox {

    private final Outbox queue;
    private final DesktopSync sync;

    /**
     * @param queue protects and queues (the policy send pipeline over the store's outbox)
     * @param sync sends the queued messages
     */
    public SendingOutbox(Outbox queue, DesktopSync sync) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /** Asks the queue's send pipeline (its protection rules) for its decision. */
    @Override
    public PolicyDecision check(OutgoingMessage message) {
        return queue.check(message);
    }

    /**
     * @throws SendFailure when the message could not be queued, or was queued and the server
     *     refused or could not be reached (retryable: it stays in the outbox)
     */
    @Override
    public void send(OutgoingMessage message, ProgressReporter progress) {
        queue.send(message, progress);
        progress.report(new Progress(2, 3, Outbox.SUBMITTING));
        OutboxRun run;
        try {
            run = sync.sendNow(message.accountId());
        } catch (MailServerException e) {
            throw new SendFailure(e.getMessage(), e.failure().retryable(), e);
        } catch (IllegalArgumentException e) {
            throw new SendFailure(e.getMessage(), false, e);
        }
        if (run.failed() > 0 || run.unknown() > 0) {
            throw new SendFailure(String.join("; ", run.errors()), false, null);
        }
        if (run.requeued() > 0) {
            throw new SendFailure(String.join("; ", run.errors()), true, null);
        }
        progress.report(new Progress(3, 3, Outbox.SUBMITTED));
    }
}
