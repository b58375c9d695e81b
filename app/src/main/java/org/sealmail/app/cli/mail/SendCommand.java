package org.sealmail.app.cli.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.app.cli.rights.ProtectCommand;
import org.sealmail.app.cli.rules.DecisionReport;
import org.sealmail.app.rights.ProfileRightsSettings;
import org.sealmail.app.rights.RightsServerRegistrar;
import org.sealmail.app.rights.RightsServerTransport;
import org.sealmail.app.sending.CertificateLookup;
import org.sealmail.app.sending.StoreOutbox;
import org.sealmail.app.ui.rules.ProfileRules;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.sealmail.policy.send.SendRequest;
import org.sealmail.policy.send.SendResult;
import org.sealmail.policy.send.SendStatus;
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
 * {@code sealmail send}: composes a message, passes it through the send path every message takes
 * ({@link OutgoingMessagePipeline}: the profile's protection rules in
 * {@code PROFILE/policy/protection.rules}, then the protection chosen or required), puts it into
 * the outbox (durable), and submits what the account's outbox holds; a copy goes to Sent. If the
 * server cannot be reached the message stays queued and {@code sealmail sync} sends it later.
 * When the profile names a rights server ({@code rights.properties}), recipients without a
 * certificate get online grants from it. Exit codes: 41 blocked by a rule, 42 held (rules file rejected, a rule timed out, or a required
 * protection could not be applied), 43 a rule warns and {@code --override-reason} is missing.
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

    @Option(names = "--template", paramLabel = "encrypt|do-not-forward|FILE",
            description = "Protect with a rights template (a rule may require a stronger one).")
    String template;

    @Option(names = "--sign", description = "Sign with S/MIME (RFC 8551).")
    boolean sign;

    @Option(names = "--key", paramLabel = "FILE.p12",
            description = "The sender's key and certificate, needed when a template or signing applies.")
    Path key;

    @Option(names = "--key-pass-file", paramLabel = "FILE",
            description = "File whose first line is the password of --key (default: environment variable "
                    + PasswordOptions.DEFAULT_ENV + ").")
    Path keyPassFile;

    @Option(names = "--override-reason", paramLabel = "TEXT",
            description = "Why to send although a rule warns (kept in the audit log, never in the message).")
    String overrideReason;

    @Mixin
    MailPasswordOptions passwords;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String body = body();
        try (MailProfile profile = new MailProfile(root.profileDirectory(), passwords)) {
            Account account = profile.account(from);
            if (passwords.accountPassword().isEmpty()) {
                profile.secrets();   // the stored password is needed to submit: ask for it before anything is queued
            }
            String sender = account.identities().isEmpty() ? account.name() : identity(account);
            MessageComposer.Composed composed = MessageComposer.compose(new MessageComposer.Draft(sender, to, cc, bcc, subject,
                    body, attachments), Instant.now());
            Clock clock = Clock.systemUTC();
            StoreOutbox outbox = new StoreOutbox(profile.store().outbox(), account.id(), clock);
            RuleSetHolder rules = ProfileRules.loadAtStart(root.profileDirectory());
            OutgoingMessagePipeline pipeline = new OutgoingMessagePipeline(rules,
                    CertificateLookup.of(profile.store()).asRecipientCertificates(), outbox, clock);
            Optional<ProfileRightsSettings> rightsServer = ProfileRightsSettings.read(root.profileDirectory());
            if (rightsServer.isPresent()) {
                // recipients without a certificate get online grants from the profile's rights server
                pipeline = pipeline.withOnlineLicensing(new RightsServerRegistrar(rightsServer.get(),
                        RightsServerTransport.create(rightsServer.get().trust()), clock));
            }
            Optional<CertifiedKey> senderKey = senderKey();
            String fromAddress = account.identities().isEmpty() ? account.name() : account.identities().get(0).address();
            if (senderKey.isPresent() && !CertificateAddresses.matches(senderKey.get().certificate(), fromAddress)) {
                throw new CryptoException(CryptoFailure.CERTIFICATE, "the certificate in " + key + " does not name "
                        + fromAddress + ", the sending address; nothing was sent");
            }
            SendResult result = pipeline.send(new SendRequest(mime(composed.rfc822()), senderKey,
                    Optional.ofNullable(template).map(ProtectCommand::template), sign, false,
                    Optional.ofNullable(overrideReason)));
            if (!result.decision().firedRules().isEmpty()) {
                DecisionReport.print(result.decision(), out);
            }
            switch (result.status()) {
                case BLOCKED -> {
                    out.println("Not sent: " + result.explanation());
                    return ExitCode.POLICY_BLOCKED.code();
                }
                case HELD -> {
                    out.println("Held, not sent: " + result.explanation()
                            + (key == null && result.explanation().contains("no sender key") ? " (give --key FILE.p12)" : ""));
                    return ExitCode.POLICY_HELD.code();
                }
                case OVERRIDE_REQUIRED -> {
                    out.println("Not sent: " + result.explanation() + " Use --override-reason TEXT.");
                    return ExitCode.POLICY_WARNED.code();
                }
                case QUEUED -> { }
            }
            long id = outbox.lastQueued().orElseThrow();
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

    private String body() {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(bodyFile))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "--body-file " + bodyFile + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read --body-file " + bodyFile + ": "
                    + org.sealmail.crypto.FileErrors.reason(e), e);
        }
    }

    private Optional<CertifiedKey> senderKey() {
        if (key == null) {
            return Optional.empty();
        }
        char[] password = keyPassFile != null ? PasswordOptions.firstLine(keyPassFile, "--key-pass-file")
                : Optional.ofNullable(System.getenv(PasswordOptions.DEFAULT_ENV)).map(String::toCharArray)
                        .orElseThrow(() -> new CryptoException(CryptoFailure.KEY_STORE, "the password of " + key
                                + " is missing: give --key-pass-file or set " + PasswordOptions.DEFAULT_ENV));
        return Pkcs12KeyStores.read(key, password).stream().findFirst();
    }

    private static MimeMessage mime(byte[] rfc822) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rfc822));
        } catch (MessagingException e) {
            throw new IllegalStateException("the composed message does not parse: " + e.getMessage(), e);
        }
    }

    private static String identity(Account account) {
        var identity = account.identities().get(0);
        return identity.displayName() == null || identity.displayName().isBlank() ? identity.address()
                : "\"" + identity.displayName().replace("\"", "") + "\" <" + identity.address() + ">";
    }
}
