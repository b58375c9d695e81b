package org.sealmail.app.rights;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a passcode from the recipient's own INBOX over IMAP (the account's TLS settings and login): the
 * newest of the last 200 INBOX mails whose {@code X-Sealmail-Passcode} names the message and the expiry the server answered
 * (docs/rights-server-api.md §4). Polls until it arrives or the wait ends; the code is never logged.
 */
public final class MailboxPasscodeReader implements PasscodeSource {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPasscodeReader.class);

    /** How many of the newest INBOX messages are looked at. */
    private static final int RECENT = 200;

    private final ImapConnector connector;
    private final Duration wait;
    private final Duration poll;
    private final Clock clock;

    /**
     * @param connector the recipient's IMAP account
     * @param wait how long to wait for the mail to arrive
     * @param poll how long to pause between looks
     * @param clock the time source for the wait
     */
    public MailboxPasscodeReader(ImapConnector connector, Duration wait, Duration poll, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String passcode(String contentId, String licensee, Instant expiresAt) {
        Instant deadline = clock.instant().plus(wait);
        IMAPStore store;
        try {
            store = connector.connect(MailSessionFactory.READ_TIMEOUT);
        } catch (MailServerException e) {
            throw new RightsServerProblem(NOT_FOUND, 0, "cannot read the passcode from " + licensee + "'s mailbox: "
                    + e.getMessage(), Map.of(), e);
        }
        try (store) {
            while (true) {
                Optional<String> code = look(store, contentId, expiresAt);
                if (code.isPresent()) {
                    LOG.info("passcode for message {} read from the mailbox of {}", contentId, licensee);
                    return code.get();
                }
                if (!clock.instant().isBefore(deadline)) {
                    throw new RightsServerProblem(NOT_FOUND, 0, "no passcode mail for message " + contentId + " arrived in "
                            + licensee + "'s INBOX within " + wait.toSeconds() + " s", Map.of(), null);
                }
                Thread.sleep(poll.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RightsServerProblem(NOT_FOUND, 0, "interrupted while waiting for the passcode mail", Map.of(), e);
        } catch (MessagingException e) {
            throw new RightsServerProblem(NOT_FOUND, 0, "cannot read " + licensee + "'s INBOX: " + e.getMessage(), Map.of(), e);
        }
    }

    private static Optional<String> look(IMAPStore store, String contentId, Instant expiresAt) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            int count = inbox.getMessageCount();
            Message[] candidates = count == 0 ? new Message[0] : inbox.getMessages(Math.max(1, count - RECENT + 1), count);
            for (int index = candidates.length - 1; index >= 0; index--) {
                Optional<PasscodeMail> mail = PasscodeMail.read(candidates[index]);
                if (mail.isPresent() && mail.get().contentId().equals(contentId) && mail.get().expiresAt().equals(expiresAt)) {
                    return Optional.of(mail.get().passcode());
                }
            }
            return Optional.empty();
        } finally {
            inbox.close(false);
        }
    }
}
