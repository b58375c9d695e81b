package org.sealmail.mailstore.smtp;

import java.util.ArrayList;
import java.util.List;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an account's outbox through its submission server, so that a crash or a dropped
 * connection loses nothing and sends nothing twice without reason.
 *
 * <h2>Protocol</h2>
 * <ol>
 * <li>The entry is marked SENDING (attempts + 1) and committed <em>before</em> MAIL FROM.</li>
 * <li>The message is submitted. On "250" after the end of DATA it is marked SENT at once (one
 *     local commit), and only then is a copy appended to Sent (unless the server files one itself).</li>
 * <li>A failure before the end of DATA, or a negative reply to it, means the server cannot have
 *     accepted the message: it goes back to QUEUED (4xx, lost connection) or to FAILED (5xx,
 *     no recipients, {@code maxAttempts} reached). A rejected login marks the account and stops
 *     the pass; nothing is tried again until the credentials change.</li>
 * <li>A connection lost after the whole message was written, before the reply, leaves the entry
 *     SENDING: its fate is unknown.</li>
 * </ol>
 *
 * <h2>Recovery rule for SENDING entries</h2>
 * At the start of every pass (so also after a crash), an entry found SENDING is <em>not</em>
 * resent blindly: its Message-ID is searched in the account's Sent folder on the server. Found
 * (the server filed it, or a copy was appended before a crash) → marked SENT. Not found → QUEUED
 * and sent again in this pass. If the Sent folder cannot be searched (IMAP down), the entry stays
 * SENDING until it can.
 *
 * <h2>Remaining duplicate window</h2>
 * A message is sent twice only if the server accepted it ("250" after DATA) and the local SENT
 * mark was not committed: a crash in the milliseconds between reading "250" and the commit, or a
 * connection lost after the end of DATA was written and before "250" was read. Even then the
 * duplicate is avoided when the server files sent mail into Sent itself (found by Message-ID).
 * Both copies carry the same Message-ID, which receiving clients use to collapse duplicates.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final MailAccount account;
    private final OutboxQueue queue;
    private final SmtpSubmitter submitter;
    private final SentFolder sentFolder;
    private final int maxAttempts;

    /**
     * @param account the account
     * @param queue its outbox
     * @param submitter its submission server
     * @param sentFolder its Sent folder, or null when it has none (then SENDING entries are requeued)
     * @param maxAttempts attempts after which a retryable failure becomes FAILED (at least 1)
     */
    public OutboxSender(MailAccount account, OutboxQueue queue, SmtpSubmitter submitter, SentFolder sentFolder,
            int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.account = account;
        this.queue = queue;
        this.submitter = submitter;
        this.sentFolder = sentFolder;
        this.maxAttempts = maxAttempts;
    }

    /** @return the outcome of one pass: recovery of SENDING entries, then every QUEUED entry, oldest first */
    public OutboxRun sendPending() {
        Counter counter = new Counter();
        recover(counter);
        for (OutboxEntry entry : queue.entries(account.id(), OutboxState.QUEUED)) {
            if (!send(entry, counter)) {
                break;
            }
        }
        return counter.result();
    }

    private void recover(Counter counter) {
        for (OutboxEntry entry : queue.entries(account.id(), OutboxState.SENDING)) {
            if (sentFolder == null || entry.messageId() == null) {
                queue.markQueued(entry.id(), "outcome of attempt " + entry.attempts() + " unknown; sending again");
                continue;
            }
            try {
                if (sentFolder.contains(entry.messageId())) {
                    LOG.info("outbox {}: {} found in Sent; marked sent", entry.id(), entry.messageId());
                    queue.markSent(entry.id());
                    counter.recovered++;
                } else {
                    LOG.info("outbox {}: {} not in Sent; sending again", entry.id(), entry.messageId());
                    queue.markQueued(entry.id(), "outcome of attempt " + entry.attempts()
                            + " unknown and not found in Sent; sending again");
                }
            } catch (MailServerException e) {
                counter.errors.add("outbox " + entry.id() + ": outcome unknown and Sent cannot be checked now ("
                        + e.getMessage() + "); left as sending");
                counter.unknown++;
            }
        }
    }

    /** @return whether to go on with the next entry */
    private boolean send(OutboxEntry entry, Counter counter) {
        if (!queue.markSending(entry.id())) {
            return true;
        }
        int attempt = entry.attempts() + 1;
        try {
            String reply = submitter.submit(entry.rfc822(), entry.envelopeFrom(), entry.recipients());
            queue.markSent(entry.id());
            counter.sent++;
            LOG.info("outbox {}: sent ({})", entry.id(), reply == null ? "" : reply.trim());
        } catch (SubmissionException e) {
            return failed(entry, attempt, e, counter);
        }
        if (!account.serverFilesSent() && sentFolder != null) {
            try {
                sentFolder.append(entry.rfc822());
            } catch (MailServerException e) {
                counter.errors.add("outbox " + entry.id() + ": sent, but the copy to Sent failed: " + e.getMessage());
            }
        }
        return true;
    }

    private boolean failed(OutboxEntry entry, int attempt, SubmissionException e, Counter counter) {
        counter.errors.add("outbox " + entry.id() + ": " + e.getMessage());
        if (e.outcome() == SubmissionOutcome.UNKNOWN) {
            LOG.warn("outbox {}: outcome unknown ({}); recovery decides on the next pass", entry.id(), e.getMessage());
            counter.unknown++;
            return false;
        }
        switch (e.failure()) {
            case AUTHENTICATION_FAILED, ACCOUNT_LOCKED, CERTIFICATE_UNTRUSTED, TLS -> {
                queue.markQueued(entry.id(), e.getMessage());
                counter.requeued++;
                return false;                       // needs the user; do not touch the server again
            }
            case REJECTED -> {
                queue.markFailed(entry.id(), e.getMessage());
                counter.failed++;
                return true;
            }
            default -> {
                if (attempt >= maxAttempts) {
                    queue.markFailed(entry.id(), "gave up after " + attempt + " attempts: " + e.getMessage());
                    counter.failed++;
                    return true;
                }
                queue.markQueued(entry.id(), e.getMessage());
                counter.requeued++;
                return e.failure() != org.sealmail.mailstore.server.MailServerFailure.CONNECTION;
            }
        }
    }

    private static final class Counter {
        int sent;
        int recovered;
        int requeued;
        int failed;
        int unknown;
        final List<String> errors = new ArrayList<>();

        OutboxRun result() {
            return new OutboxRun(sent, recovered, requeued, failed, unknown, errors);
        }
    }
}
