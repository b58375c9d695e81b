package org.sealmail.app.cli.mail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.smtp.MessageComposer;
import org.sealmail.mailstore.smtp.OutboxRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail send}: composes a message, puts it into the outbox (durable), and submits what
 * the account's outbox holds; a copy goes to Sent. If the server cannot be reached the message
 * stays queued and {@code sealmail sync} sends it later.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Queue a message in the outbox and send it (it stays queued if the server is unreachable).")
public final class SendCommand implements Callable<Integer> {

    @ParentCommand
    SealmailCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ACCOUNT", description = "Sending account (name or address).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", split = ",", description = "Recipients (repeat or comma-separate).")
    List<String> to;

    @Option(names = "--cc", paramLabel = "ADDRESS", split = ",", description = "Cc recipients.")
    List<String> cc = List.of();

    @Option(names = "--bcc", paramLabel = "ADDRESS", split = ",", description = "Bcc recipients (not shown to others).")
    List<String> bcc = List.of();

    @Option(names = "--subject", required = true, paramLabel = "TEXT", description = "Subject.")
    String subject;

    @Option(names = "--body-file", required = true, paramLabel = "FILE", description = "UTF-8 text file with the body.")
    Path bodyFile;

    @Option(names = "--attach", paramLabel = "FILE", description = "Attach a file (repeatable).")
    List<Path> attachments = List.of();

    @Mixin
    MailPasswordOptions passwords;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String body = Files.readString(bodyFile, StandardCharsets.UTF_8);
        try (MailProfile profile = new MailProfile(root.profileDirectory(), passwords)) {
            Account account = profile.account(from);
            String sender = account.identities().isEmpty() ? account.name() : identity(account);
            MessageComposer.Composed composed = MessageComposer.compose(new MessageComposer.Draft(sender, to, cc, bcc, subject,
                    body, attachments), Instant.now());
            long id = profile.outbox().enqueue(account.id(), composed);
            out.printf("Queued %s as outbox entry %d%n", composed.messageId(), id);
            OutboxRun run;
            try (ImapMailSync sync = profile.sync(account)) {
                run = profile.sender(account, sync).sendPending();
            }
            run.errors().forEach(e -> out.println("  " + e));
            org.sealmail.mailstore.outbox.OutboxState state = profile.store().outbox().find(id).orElseThrow().state();
            switch (state) {
                case SENT -> {
                    out.printf("Sent %s%n", composed.messageId());
                    return 0;
                }
                case FAILED -> {
                    out.printf("Refused: %s (see the error above)%n", composed.messageId());
                    return ExitCode.MESSAGE_REFUSED.code();
                }
                default -> {
                    out.printf("Not sent yet: %s stays in the outbox (%s); 'sealmail sync' tries again%n",
                            composed.messageId(), state);
                    return ExitCode.MAIL_QUEUED.code();
                }
            }
        }
    }

    private static String identity(Account account) {
        var identity = account.identities().get(0);
        return identity.displayName() == null || identity.displayName().isBlank() ? identity.address()
                : "\"" + identity.displayName().replace("\"", "") + "\" <" + identity.address() + ">";
    }
}
