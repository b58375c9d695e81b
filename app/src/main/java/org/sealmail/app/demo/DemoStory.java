package org.sealmail.app.demo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.sealmail.app.cli.TerminalText;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.reader.CommandResult;
import org.sealmail.app.ui.reader.EncryptionCheck;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.reader.SignatureCheck;
import org.sealmail.app.ui.reader.SmimeProtection;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.imap.FolderSyncResult;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.outbox.OutboxState;
import org.sealmail.mailstore.smtp.OutboxRun;

/**
 * The headless demo: alice sends a Do Not Forward, an Encrypt and an S/MIME signed and encrypted
 * message to bob through the client's send path (send pipeline, the store's outbox, SMTP
 * submission); bob syncs over IMAP, opens each with the desktop client's opener, and the reader's
 * rights enforcement is exercised: forward, copy and print refused for Do Not Forward (DESIGN.md:
 * VIEW, REPLY, REPLYALL only) and allowed for Encrypt; the S/MIME message decrypts and its
 * signature verifies against the demo CA (RFC 8551). Each step is printed as it completes; the
 * story stops at the first step that does not hold.
 */
public final class DemoStory {

    /** How long bob waits for the three messages to arrive (real servers deliver in well under a second). */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

    private final DemoPki pki;
    private final DemoServers servers;
    private final Path home;
    private final Clock clock;
    private final PrintWriter out;
    private final String tag;
    private final List<DemoStep> steps = new ArrayList<>();

    /**
     * @param pki the demo keys and CA
     * @param servers the mail servers and the two mailboxes
     * @param home the demo directory (profiles go to {@code home/alice} and {@code home/bob})
     * @param clock the time source
     * @param out where each step is printed as it completes
     */
    public DemoStory(DemoPki pki, DemoServers servers, Path home, Clock clock, PrintWriter out) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.home = Objects.requireNonNull(home, "home");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.tag = UUID.randomUUID().toString().substring(0, 8);
    }

    /** One message of the story. */
    private enum Kind {
        DO_NOT_FORWARD("Do Not Forward", "Q3 board numbers", "Board numbers: revenue 4.2M, margin 18%. Keep this between us.",
                new ProtectionChoice(Optional.of(ProtectionChoice.DO_NOT_FORWARD), false, false)),
        ENCRYPT("Encrypt", "Offsite agenda", "Offsite agenda: Monday 9:00 strategy, 14:00 hiring plan. Share with the team.",
                new ProtectionChoice(Optional.of(ProtectionChoice.ENCRYPT), false, false)),
        SMIME("S/MIME signed+encrypted", "Signed contract draft", "Contract draft v3: the payment terms are 30 days net.",
                new ProtectionChoice(Optional.empty(), true, true));

        final String label;
        final String subject;
        final String body;
        final ProtectionChoice protection;

        Kind(String label, String subject, String body, ProtectionChoice protection) {
            this.label = label;
            this.subject = subject;
            this.body = body;
            this.protection = protection;
        }
    }

    /**
     * Runs the story.
     *
     * @return the steps run, in order; all held when the last one held and none is missing
     * @throws org.sealmail.mailstore.StoreException when a profile's store cannot be opened
     *         (read-only directory, store from a newer Sealmail): no step can run then
     */
    public List<DemoStep> run() {
        String aliceAddress = servers.alice().address();
        String bobAddress = servers.bob().address();
        if (!step("demo keys", () -> {
            DemoCheckFailed.require(CertificateAddresses.matches(pki.alice().certificate(), aliceAddress)
                    && CertificateAddresses.matches(pki.bob().certificate(), bobAddress),
                    "the demo certificates do not name " + aliceAddress + " and " + bobAddress);
            return "S/MIME certificates for " + aliceAddress + " and " + bobAddress + " from "
                    + pki.anchor().getSubjectX500Principal().getName() + " (" + pki.caFile() + ")";
        }) || !step("mail servers", servers::description)) {
            return steps;
        }
        try (DemoProfile alice = DemoProfile.open(home.resolve("alice"), "Alice", servers.alice(), servers,
                    pki.alice(), pki.anchor(), List.of(pki.bob().certificate()), clock);
                DemoProfile bob = DemoProfile.open(home.resolve("bob"), "Bob", servers.bob(), servers,
                    pki.bob(), pki.anchor(), List.of(pki.alice().certificate()), clock)) {
            step("profiles", () -> "alice in " + alice.directory() + ", bob in " + bob.directory());
            PipelineOutbox composer = alice.composerOutbox(Map.of(), clock);
            for (Kind kind : Kind.values()) {
                if (!step("alice sends " + kind.label, () -> send(alice, composer, kind))) {
                    return steps;
                }
            }
            Map<Kind, StoredMessage> received = new LinkedHashMap<>();
            try (ImapMailSync sync = bob.sync()) {
                if (!step("bob syncs INBOX", () -> receive(bob, sync, received))) {
                    return steps;
                }
            }
            if (!step("nothing readable on the wire", () -> onTheWire(bob, received))) {
                return steps;
            }
            DemoReaderOutlets outlets = new DemoReaderOutlets();
            ReaderViewModel reader = new ReaderViewModel(bob.opener(clock), new SameThreadTaskExecutor(), outlets.outlets(),
                    UiText.english(), clock, () -> RemoteContentPolicy.BLOCK_AND_ASK);
            boolean held = step("bob opens Do Not Forward", () -> openRights(reader, received.get(Kind.DO_NOT_FORWARD),
                            Kind.DO_NOT_FORWARD, EnumSet.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL)))
                    && step("Do Not Forward: forward, copy, print refused; reply allowed",
                            () -> doNotForwardRights(reader, outlets))
                    && step("bob opens Encrypt", () -> openRights(reader, received.get(Kind.ENCRYPT), Kind.ENCRYPT,
                            ProtectionTemplate.ENCRYPT.everyone().asSet()))
                    && step("Encrypt: forward, copy, print allowed", () -> encryptRights(reader, outlets))
                    && step("bob opens S/MIME signed+encrypted", () -> openSmime(reader, received.get(Kind.SMIME),
                            aliceAddress));
            if (held) {
                out.println("Demo complete: every step held.");
                out.flush();
            }
        }
        return steps;
    }

    /** @return whether every step held (and at least one ran) */
    public static boolean allHeld(List<DemoStep> steps) {
        return !steps.isEmpty() && steps.stream().allMatch(DemoStep::held);
    }

    private boolean step(String name, Supplier<String> body) {
        DemoStep result;
        try {
            result = new DemoStep(name, true, body.get());
        } catch (DemoCheckFailed e) {
            result = new DemoStep(name, false, e.getMessage());
        } catch (org.sealmail.mailstore.StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            result = new DemoStep(name, false, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        steps.add(result);
        out.println(TerminalText.safe(result.line()));
        out.flush();
        return result.held();
    }

    private String subject(Kind kind) {
        return kind.subject + " [demo " + tag + "]";
    }

    private String body(Kind kind) {
        return kind.body + " (demo " + tag + ")";
    }

    private String send(DemoProfile alice, PipelineOutbox composer, Kind kind) {
        OutgoingMessage message = new OutgoingMessage(alice.account().id(), List.of(servers.bob().address()), List.of(),
                List.of(), subject(kind), body(kind), false, List.of(), kind.protection, Optional.empty(), Optional.empty());
        composer.send(message, progress -> { });
        long queued = alice.store().outbox().list(OutboxState.QUEUED).size();
        DemoCheckFailed.require(queued >= 1, "the send pipeline queued nothing in alice's outbox");
        OutboxRun run = alice.outboxSender().sendPending();
        DemoCheckFailed.require(run.errors().isEmpty() && run.sent() + run.recoveredAsSent() >= 1,
                "SMTP submission failed: " + String.join("; ", run.errors()));
        DemoCheckFailed.require(alice.store().outbox().list(OutboxState.QUEUED).isEmpty(),
                "alice's outbox still holds queued mail after submission");
        return "protected by the send pipeline, queued in alice's outbox, submitted over SMTP to " + servers.smtp();
    }

    private String receive(DemoProfile bob, ImapMailSync sync, Map<Kind, StoredMessage> received) {
        sync.syncFolderList();
        Instant deadline = clock.instant().plus(DELIVERY_WAIT);
        int added = 0;
        while (true) {
            FolderSyncResult result = sync.syncFolder("INBOX");
            added += result.added();
            Folder inbox = bob.store().folders().findByName(bob.account().id(), "INBOX")
                    .orElseThrow(() -> new DemoCheckFailed("bob's store has no INBOX after sync"));
            for (StoredMessage message : bob.store().messages().newest(inbox.id(), 0, 500)) {
                for (Kind kind : Kind.values()) {
                    if (subject(kind).equals(message.subject())) {
                        received.put(kind, message);
                    }
                }
            }
            if (received.size() == Kind.values().length) {
                break;
            }
            DemoCheckFailed.require(clock.instant().isBefore(deadline), "after " + DELIVERY_WAIT.toSeconds()
                    + " s only " + received.size() + " of " + Kind.values().length + " demo messages reached bob's INBOX");
            sleepBriefly();
        }
        for (Map.Entry<Kind, StoredMessage> entry : received.entrySet()) {
            if (!entry.getValue().bodyFetched()) {
                sync.body("INBOX", entry.getValue().uid());
            }
        }
        return "+" + added + " new over IMAP from " + servers.imap() + "; the " + received.size() + " demo messages are in bob's store";
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoCheckFailed("interrupted while waiting for delivery");
        }
    }

    private String onTheWire(DemoProfile bob, Map<Kind, StoredMessage> received) {
        for (Map.Entry<Kind, StoredMessage> entry : received.entrySet()) {
            byte[] raw = bob.store().messages().raw(entry.getValue().id())
                    .orElseThrow(() -> new DemoCheckFailed("bob's store has no body of " + entry.getKey().label));
            String text = new String(raw, StandardCharsets.UTF_8);
            DemoCheckFailed.require(!text.contains(entry.getKey().body), entry.getKey().label
                    + " crossed the wire with its text in clear");
            String lower = text.toLowerCase(Locale.ROOT);
            if (entry.getKey() == Kind.SMIME) {
                DemoCheckFailed.require(lower.contains("application/pkcs7-mime"), "the S/MIME message is not application/pkcs7-mime");
            } else {
                DemoCheckFailed.require(lower.contains("x-sealmail-protection"), entry.getKey().label
                        + " arrived without its protection header");
            }
        }
        return "the three messages arrived encrypted: no body text in what bob's server holds";
    }

    private static OpenedMessage open(ReaderViewModel reader, StoredMessage stored) {
        reader.open(stored.id());
        DemoCheckFailed.require(reader.errorProperty().get().isEmpty(), reader.errorProperty().get());
        return reader.currentMessage().orElseThrow(() -> new DemoCheckFailed("the reader shows no message"));
    }

    private String openRights(ReaderViewModel reader, StoredMessage stored, Kind kind, Set<UsageRight> expected) {
        OpenedMessage opened = open(reader, stored);
        DemoCheckFailed.require(opened.protection() instanceof RightsProtection, "not opened as a rights-protected message: "
                + opened.protection());
        RightsProtection rights = (RightsProtection) opened.protection();
        DemoCheckFailed.require(rights.outcome() == RightsProtection.Outcome.OPENED, "outcome " + rights.outcome());
        DemoCheckFailed.require(rights.templateName().equals(kind.label), "template '" + rights.templateName()
                + "', expected '" + kind.label + "'");
        DemoCheckFailed.require(rights.granted().equals(expected), "granted " + rights.granted() + ", expected " + expected);
        DemoCheckFailed.require(!opened.parts().isEmpty() && opened.parts().get(0).content().contains(body(kind)),
                "the decrypted text is not what alice wrote");
        return "decrypted with bob's key; template " + rights.templateName() + ", rights " + sorted(rights.granted());
    }

    private static String sorted(Set<UsageRight> rights) {
        return rights.stream().map(Enum::name).sorted().toList().toString();
    }

    private String doNotForwardRights(ReaderViewModel reader, DemoReaderOutlets outlets) {
        outlets.clear();
        CommandResult forward = reader.forward();
        CommandResult copy = reader.copy(() -> body(Kind.DO_NOT_FORWARD));
        CommandResult print = reader.print(job -> { });
        CommandResult reply = reader.reply();
        DemoCheckFailed.require(forward.equals(CommandResult.refused("reader.refused.forward")), "forward was not refused");
        DemoCheckFailed.require(copy.equals(CommandResult.refused("reader.refused.copy")), "copy was not refused");
        DemoCheckFailed.require(print.equals(CommandResult.refused("reader.refused.print")), "print was not refused");
        DemoCheckFailed.require(outlets.clipboard.isEmpty() && outlets.printed.isEmpty(),
                "a refused command reached the clipboard or the printer");
        DemoCheckFailed.require(reply.done() && outlets.composed.equals(List.of("reply: " + subject(Kind.DO_NOT_FORWARD))),
                "reply did not open the composer");
        return "forward, copy and print refused by the reader (nothing reached clipboard, printer or composer); reply opened";
    }

    private String encryptRights(ReaderViewModel reader, DemoReaderOutlets outlets) {
        outlets.clear();
        CommandResult forward = reader.forward();
        CommandResult copy = reader.copy(() -> body(Kind.ENCRYPT));
        CommandResult print = reader.print(job -> { });
        DemoCheckFailed.require(forward.done() && outlets.composed.equals(List.of("forward: " + subject(Kind.ENCRYPT))),
                "forward did not open the composer");
        DemoCheckFailed.require(copy.done() && outlets.clipboard.equals(List.of(body(Kind.ENCRYPT))),
                "copy did not reach the clipboard");
        DemoCheckFailed.require(print.done() && outlets.printed.size() == 1, "print did not reach the printer");
        return "forward opened the composer, copy reached the clipboard, print reached the printer";
    }

    private String openSmime(ReaderViewModel reader, StoredMessage stored, String aliceAddress) {
        OpenedMessage opened = open(reader, stored);
        DemoCheckFailed.require(opened.protection() instanceof SmimeProtection, "not opened as S/MIME: " + opened.protection());
        SmimeProtection smime = (SmimeProtection) opened.protection();
        EncryptionCheck encryption = smime.encryption()
                .orElseThrow(() -> new DemoCheckFailed("the message was not encrypted"));
        DemoCheckFailed.require(encryption.outcome() == EncryptionCheck.Outcome.DECRYPTED, "decryption: " + encryption.outcome());
        SignatureCheck signature = smime.signature().orElseThrow(() -> new DemoCheckFailed("the message was not signed"));
        DemoCheckFailed.require(signature.valid(), "signature not valid: " + signature);
        DemoCheckFailed.require(signature.signerAddress().equalsIgnoreCase(aliceAddress), "signed by "
                + signature.signerAddress() + ", not " + aliceAddress);
        DemoCheckFailed.require(!opened.parts().isEmpty() && opened.parts().get(0).content().contains(body(Kind.SMIME)),
                "the decrypted text is not what alice wrote");
        return "decrypted (" + encryption.algorithm() + (encryption.authenticated() ? ", authenticated" : "")
                + "); signature by " + signature.signerAddress() + " valid, trusted via the demo CA, covers the whole message";
    }
}
