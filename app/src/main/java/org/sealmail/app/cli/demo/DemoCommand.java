package org.sealmail.app.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.app.demo.DemoGui;
import org.sealmail.app.demo.DemoHome;
import org.sealmail.app.demo.DemoLogin;
import org.sealmail.app.demo.DemoMailServer;
import org.sealmail.app.demo.DemoStep;
import org.sealmail.app.demo.DemoStory;
import org.sealmail.app.demo.HeadlessDemo;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.mailstore.server.ServerEndpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail demo}: the built-in demo. With {@code --headless}, alice sends Do Not Forward,
 * Encrypt and S/MIME mail to bob and every step is checked and printed (exit 0 only when all
 * held); without, the desktop client opens on bob's demo profile. The mail server is an in-process
 * GreenMail unless {@code --imap}, {@code --smtp} and {@code --ca-file} name real ones.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show Sealmail working: alice sends Do Not Forward, Encrypt and S/MIME mail to bob, bob syncs"
            + " and opens it, and the rights are enforced.",
            "Without --headless the desktop client opens on bob's demo mailbox."})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    SealmailCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run the story without a window: print each step, exit 0 only when all held.")
    boolean headless;

    @Option(names = "--home", paramLabel = "DIR", description = "Demo directory (keys, alice's and bob's profiles)."
            + " Default: a temporary directory (--headless, removed afterwards), else PROFILE/demo.")
    Path home;

    @Option(names = "--imap", paramLabel = "HOST:PORT", description = "A real IMAP server (993 = implicit TLS, other ports STARTTLS)"
            + " instead of the in-process one; needs --smtp, --ca-file and both accounts' passwords.")
    String imap;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "A real submission server (465 = implicit TLS, other ports STARTTLS).")
    String smtp;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "CA certificate the real servers' TLS certificates chain to.")
    Path caFile;

    @Option(names = "--alice", paramLabel = "ADDRESS", description = "Sender's address and login on the real servers"
            + " (default alice@" + HeadlessDemo.DEMO_DOMAIN + ").")
    String alice;

    @Option(names = "--bob", paramLabel = "ADDRESS", description = "Recipient's address and login on the real servers"
            + " (default bob@" + HeadlessDemo.DEMO_DOMAIN + ").")
    String bob;

    @Option(names = "--alice-pass-file", paramLabel = "FILE", description = "File whose first line is alice's password.")
    Path alicePassFile;

    @Option(names = "--alice-pass-env", paramLabel = "VAR", description = "Environment variable holding alice's password.")
    String alicePassEnv;

    @Option(names = "--bob-pass-file", paramLabel = "FILE", description = "File whose first line is bob's password.")
    Path bobPassFile;

    @Option(names = "--bob-pass-env", paramLabel = "VAR", description = "Environment variable holding bob's password.")
    String bobPassEnv;

    @Option(names = "--imap-port", paramLabel = "PORT", description = "In-process server: IMAPS port to try first"
            + " (default ${DEFAULT-VALUE}; a taken port moves to a free one; 0 = any).")
    int imapPort = DemoMailServer.PREFERRED_IMAPS_PORT;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "In-process server: SMTPS port to try first"
            + " (default ${DEFAULT-VALUE}; 0 = any).")
    int smtpPort = DemoMailServer.PREFERRED_SMTPS_PORT;

    @Override
    public Integer call() {
        Optional<HeadlessDemo.RealServers> real = realServers();
        if (!headless) {
            if (real.isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--imap/--smtp/--ca-file are for --headless; the desktop demo uses its own in-process server");
            }
            Path demoHome = home != null ? home : root.profileDirectory().resolve("demo");
            return DemoGui.launch(demoHome, spec.commandLine().getErr()).code();
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = home == null;
        Path demoHome = temporary ? DemoHome.temporary() : DemoHome.prepare(home);
        try {
            List<DemoStep> steps = HeadlessDemo.run(demoHome, real, imapPort, smtpPort, Clock.systemUTC(), out);
            if (DemoStory.allHeld(steps)) {
                return ExitCode.OK.code();
            }
            DemoStep failed = steps.stream().filter(step -> !step.held()).findFirst().orElse(null);
            spec.commandLine().getErr().println("sealmail demo: the demo failed at step '"
                    + (failed == null ? "start" : failed.name()) + "'" + (temporary ? "" : "; its files are in " + demoHome));
            return ExitCode.DEMO_FAILED.code();
        } finally {
            if (temporary) {
                DemoHome.delete(demoHome);
            }
        }
    }

    private Optional<HeadlessDemo.RealServers> realServers() {
        boolean any = imap != null || smtp != null || caFile != null;
        if (!any) {
            if (alice != null || bob != null || alicePassFile != null || alicePassEnv != null || bobPassFile != null
                    || bobPassEnv != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--alice, --bob and their passwords are for real servers: give --imap, --smtp and --ca-file too");
            }
            return Optional.empty();
        }
        if (imap == null || smtp == null || caFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "real servers need all three of --imap HOST:PORT, --smtp HOST:PORT and --ca-file PEM");
        }
        String aliceAddress = address(alice, "alice", "--alice");
        String bobAddress = address(bob, "bob", "--bob");
        DemoLogin aliceLogin = new DemoLogin(aliceAddress, aliceAddress, password(alicePassFile, alicePassEnv, "alice"));
        DemoLogin bobLogin = new DemoLogin(bobAddress, bobAddress, password(bobPassFile, bobPassEnv, "bob"));
        return Optional.of(new HeadlessDemo.RealServers(ServerEndpoint.parseImap(imap), ServerEndpoint.parseSubmission(smtp),
                caFile, aliceLogin, bobLogin));
    }

    private String address(String given, String user, String option) {
        String address = given != null ? given : user + "@" + HeadlessDemo.DEMO_DOMAIN;
        if (!EmailCertificateSpec.isAddress(address)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": '" + address + "' is not an e-mail address");
        }
        return address;
    }

    private char[] password(Path file, String variable, String user) {
        if (file != null) {
            return PasswordOptions.firstLine(file, "--" + user + "-pass-file");
        }
        if (variable != null) {
            String value = System.getenv(variable);
            if (value == null) {
                throw new IllegalArgumentException("the environment variable " + variable + " (--" + user
                        + "-pass-env) is not set");
            }
            return value.toCharArray();
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "real servers need " + user + "'s password: give --"
                + user + "-pass-file FILE or --" + user + "-pass-env VAR");
    }
}
