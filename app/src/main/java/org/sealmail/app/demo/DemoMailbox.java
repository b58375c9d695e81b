package org.sealmail.app.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.smtp.OutboxRun;

/**
 * Fills bob's demo mailbox with realistic mail, sent by alice through the client's send path and
 * synced into bob's store: a plain message, an HTML newsletter whose remote images the reader
 * blocks, an S/MIME signed one, an S/MIME encrypted one, an Encrypt one, a Do Not Forward one and a
 * protected message that has already expired when bob reads it.
 */
public final class DemoMailbox {

    /** Subjects of the seeded messages, in sending order. */
    public static final List<String> SUBJECTS = List.of("Welcome to the Sealmail demo", "Sealmail newsletter: what is new",
            "Signed: lunch on Friday", "S/MIME encrypted: the spare key", "Encrypt: offsite agenda",
            "Do Not Forward: Q3 board numbers", "Expired: yesterday's door code");

    private static final String EXPIRING_ID = "custom:demo-expiring";
    /** The expiring message is readable this long after it is protected (it has expired by the time bob looks). */
    static final java.time.Duration EXPIRES_AFTER = java.time.Duration.ofSeconds(3);

    private DemoMailbox() {
    }

    /**
     * Sends the seven messages from alice to bob and syncs bob's INBOX (bodies included).
     *
     * @param alice the sender's profile
     * @param bob the recipient's profile
     * @param clock the time source
     * @return how many messages bob's sync added
     * @throws IllegalStateException if a message could not be submitted
     */
    public static int seed(DemoProfile alice, DemoProfile bob, Clock clock) {
        PipelineOutbox outbox = alice.composerOutbox(Map.of(), clock);
        String to = bob.account().identities().get(0).address();
        send(outbox, alice, to, 0, "Hi Bob,\n\nthis is a plain message: no protection at all, like most mail.\n\n"
                + "Open the others to see signatures, encryption and rights at work.\n\nAlice", false, ProtectionChoice.NONE);
        send(outbox, alice, to, 1, "<html><body><h1>What is new</h1><p>This HTML message loads pictures from the web."
                + " Sealmail blocks them until you allow it, so senders cannot track when you read.</p>"
                + "<p><img src=\"https://images.example.com/banner.png\" alt=\"banner\" width=\"400\" height=\"80\"></p>"
                + "<p style=\"background-image:url(https://tracker.example.com/pixel.gif)\">Thanks for reading.</p>"
                + "</body></html>", true, ProtectionChoice.NONE);
        send(outbox, alice, to, 2, "Lunch on Friday at noon? This message is signed with S/MIME: the reader shows that"
                + " it comes from alice and was not changed.", false, new ProtectionChoice(Optional.empty(), true, false));
        send(outbox, alice, to, 3, "The spare key is with the neighbour at number 12. Encrypted with S/MIME to your"
                + " certificate: only you can read it.", false, new ProtectionChoice(Optional.empty(), false, true));
        send(outbox, alice, to, 4, "Offsite agenda: Monday 9:00 strategy, 14:00 hiring plan. Encrypt lets you forward,"
                + " copy and print this.", false, new ProtectionChoice(Optional.of(ProtectionChoice.ENCRYPT), false, false));
        send(outbox, alice, to, 5, "Board numbers: revenue 4.2M, margin 18%. Do Not Forward: you can read and reply,"
                + " but forward, copy and print are refused.", false,
                new ProtectionChoice(Optional.of(ProtectionChoice.DO_NOT_FORWARD), false, false));
        ProtectionTemplate expiring = new ProtectionTemplate(EXPIRING_ID, "Expires in seconds",
                UsageRights.of(UsageRight.VIEW, UsageRight.REPLY), List.of(),
                new Expiry.At(clock.instant().plus(EXPIRES_AFTER)), 0);
        send(alice.composerOutbox(Map.of(EXPIRING_ID, expiring), clock), alice, to, 6, "Today's door code is 4711. This message expired seconds after it was sent.", false,
                new ProtectionChoice(Optional.of(EXPIRING_ID), false, false));
        OutboxRun run = alice.outboxSender().sendPending();
        if (!run.errors().isEmpty() || run.sent() + run.recoveredAsSent() < SUBJECTS.size()) {
            throw new IllegalStateException("the demo mail could not be sent: " + String.join("; ", run.errors()));
        }
        try (ImapMailSync sync = bob.sync()) {
            sync.syncFolderList();
            return sync.syncFolder("INBOX").added();
        }
    }

    private static void send(PipelineOutbox outbox, DemoProfile alice, String to, int index, String body, boolean html,
            ProtectionChoice protection) {
        outbox.send(new OutgoingMessage(alice.account().id(), List.of(to), List.of(), List.of(), SUBJECTS.get(index), body,
                html, List.of(), protection, Optional.empty(), Optional.empty()), progress -> { });
    }
}
