package org.sealmail.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.keys.KeysCommand;
import org.sealmail.app.cli.rights.OpenCommand;
import org.sealmail.app.cli.rights.ProtectCommand;
import org.sealmail.app.cli.rules.RulesCommand;
import org.sealmail.app.cli.smime.SmimeCommand;
import org.sealmail.app.cli.store.StoreCommand;
import org.sealmail.app.demo.DemoGui;
import org.sealmail.app.demo.DemoOffer;
import org.sealmail.app.launch.MailtoLink;
import org.sealmail.app.launch.OpenedMessageFiles;
import org.sealmail.app.ui.StartHook;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.GuiLauncher;
import org.sealmail.crypto.CryptoException;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.profile.ProfileLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code sealmail} command; each feature adds a subcommand. */
@Command(name = "sealmail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sealmail: protected mail (S/MIME, Encrypt, Do Not Forward).",
        subcommands = {GuiCommand.class, KeysCommand.class, SmimeCommand.class, ProtectCommand.class, OpenCommand.class,
            StoreCommand.class, RulesCommand.class, org.sealmail.app.cli.mail.AccountCommand.class,
            org.sealmail.app.cli.mail.SyncCommand.class, org.sealmail.app.cli.mail.SendCommand.class,
            org.sealmail.app.cli.rights.RightsCommand.class, org.sealmail.app.cli.demo.DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success (verify: valid, trusted, address matches)",
            " 1:other error (I/O)",
            " 2:usage error",
            "10:bad signature",
            "11:untrusted certificate chain",
            "12:signer address does not match From/Sender",
            "13:certificate expired, not yet valid or not for e-mail protection",
            "14:malformed input",
            "15:no matching key for decryption",
            "16:integrity check failed (tampered or wrong key)",
            "17:unsupported algorithm",
            "18:recipient without usable certificate",
            "19:key store cannot be opened (wrong password?)",
            "20:message is not signed",
            "21:certificate unreadable or unfit (keys new --ca: not a CA; sign: expired, not for e-mail, not the From address)",
            "22:valid signature that covers only part of the message",
            "23:local store unusable (not a store, corrupt, read-only profile, locked)",
            "24:local store written by a newer Sealmail",
            "30:open --out refused: rights include neither EXTRACT nor EXPORT",
            "31:protected message expired",
            "32:protected message tampered with",
            "33:protected message revoked by its sender (rights server)",
            "34:no use license can be had now (rights server unavailable, or a cached one expired offline)",
            "35:the rights server refused (its reason is printed)",
            "36:rights server unreachable or its TLS certificate not trusted",
            "40:rules file rejected",
            "41:rules test / send: the message is blocked by a rule",
            "42:rules test / send: the message is held (rules rejected, a rule timed out, required protection impossible)",
            "43:rules test / send: the message needs an override reason",
            "44:no graphical display for the desktop client",
            "50:mail server rejected the login (account marked until its password changes)",
            "51:mail server certificate not trusted (SHA-256 fingerprint shown; --pin after checking)",
            "52:mail server unreachable or failing for now; outgoing mail stays queued",
            "53:message or recipient refused by the submission server",
            "60:demo --headless: a step of the demo story did not hold"})
public final class SealmailCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SealmailCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Profile directory (store, password file). Default: $" + ProfileLocation.ENVIRONMENT_VARIABLE
                    + ", else the OS data directory (~/.local/share/sealmail, %%APPDATA%%\\Sealmail,"
                    + " ~/Library/Application Support/Sealmail).")
    Path profile;

    /** @return the profile directory: --profile, else SEALMAIL_HOME, else the OS default */
    public Path profileDirectory() {
        return ProfileLocation.ofThisProcess().resolve(Optional.ofNullable(profile));
    }

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGE.eml|mailto:URI",
            description = "Open the desktop client with a message file (kept in Local folders, "
                    + OpenedMessageFiles.FOLDER + ") or a new message to a mailto: link (RFC 6068), as the desktop's"
                    + " .eml association and mail handler do.")
    String target;

    @Option(names = "--demo", description = "Open the built-in demo: bob's mailbox with sample protected mail from alice,"
            + " on a mail server inside Sealmail (see also: sealmail demo --headless).")
    boolean demo;

    /**
     * Without a subcommand, {@code sealmail} opens the desktop client (see {@link GuiCommand}); on a
     * profile without any account it offers the demo. {@code --demo} opens the demo directly. With a
     * message file it is added to the local folder {@value OpenedMessageFiles#FOLDER} first; with a
     * {@code mailto:} link a composer opens addressed to it.
     */
    @Override
    public Integer call() {
        Path demoHome = profileDirectory().resolve("demo");
        if (demo) {
            return DemoGui.launch(demoHome, spec.commandLine().getErr()).code();
        }
        StartHook opened = StartHook.NONE;
        if (MailtoLink.isMailto(target)) {
            MailtoLink link = MailtoLink.parse(target);
            opened = context -> context.client().newMessage(link.to(), link.cc(), link.bcc(), link.subject(), link.body());
        } else if (target != null) {
            if (!java.nio.file.Files.isRegularFile(Path.of(target))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + TerminalText.safe(target)
                        + "' is neither a command, a message file nor a mailto: link");
            }
            OpenedMessageFiles.add(profileDirectory(), Path.of(target));
        }
        StartHook then = opened;
        try (DemoOffer offer = new DemoOffer(demoHome)) {
            return GuiLauncher.launch(() -> DesktopServices.open(profileDirectory()),
                    spec.commandLine().getErr(), context -> {
                        offer.mainWindowShown(context);
                        then.mainWindowShown(context);
                    }).code();
        }
    }

    /**
     * Runs a command line and returns its exit code. Crypto failures print one clear line on
     * standard error (the details go to the log; control characters from the input are shown
     * escaped, see {@link TerminalText}) and map to their documented exit codes.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * @return a configured picocli command line (tests use it to capture output). A usage
     *     error prints its message and a pointer to {@code --help} (not the whole help text) and
     *     exits 2.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SealmailCommand());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandSpec().qualifiedName() + ": "
                    + TerminalText.safe(String.valueOf(exception.getMessage())));
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE.code();
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof CryptoException crypto) {
                LOG.debug("{} failed", cmd.getCommandName(), crypto);
                err.println("sealmail " + cmd.getCommandName() + ": "
                        + TerminalText.safe(String.valueOf(crypto.getMessage())));
                return ExitCode.of(crypto.failure()).code();
            }
            if (exception instanceof StoreException store) {
                LOG.debug("{} failed", cmd.getCommandName(), store);
                err.println("sealmail " + cmd.getCommandName() + ": " + store.getMessage());
                return ExitCode.of(store.failure()).code();
            }
            if (exception instanceof org.sealmail.mailstore.server.MailServerException mail) {
                LOG.debug("{} failed", cmd.getCommandName(), mail);
                err.println("sealmail " + cmd.getCommandName() + ": " + mail.getMessage());
                return ExitCode.of(mail.failure()).code();
            }
            if (exception instanceof org.sealmail.app.rights.RightsServerProblem problem) {
                LOG.debug("{} failed", cmd.getCommandName(), problem);
                err.println("sealmail " + cmd.getCommandName() + ": " + problem.reason() + ": "
                        + TerminalText.safe(String.valueOf(problem.getMessage())));
                return (problem.isTransport() ? ExitCode.RIGHTS_SERVER_UNREACHABLE : ExitCode.RIGHTS_SERVER_REFUSED).code();
            }
            if (exception instanceof IllegalArgumentException bad) {
                LOG.debug("{} failed", cmd.getCommandName(), bad);
                err.println("sealmail " + cmd.getCommandName() + ": " + bad.getMessage());
                return ExitCode.ERROR.code();
            }
            LOG.debug("{} failed", cmd.getCommandName(), exception);
            err.println("sealmail " + cmd.getCommandName() + ": " + TerminalText.safe(exception.toString()));
            return ExitCode.ERROR.code();
        });
        return commandLine;
    }
}
