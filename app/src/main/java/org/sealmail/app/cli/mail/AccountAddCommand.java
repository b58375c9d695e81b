package org.sealmail.app.cli.mail;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.autoconfig.AccountDiscovery;
import org.sealmail.mailstore.autoconfig.DiscoveredAccount;
import org.sealmail.mailstore.autoconfig.HttpAutoconfigFetcher;
import org.sealmail.mailstore.autoconfig.JndiSrvResolver;
import org.sealmail.mailstore.autoconfig.TcpPortProbe;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailSessionFactory;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail account add}: sets up an account from its address. Servers come from
 * autoconfig, DNS SRV (RFC 6186) or common host names unless given; the IMAP login is checked
 * before anything is saved (an untrusted server certificate is refused with its fingerprint, to be
 * pinned with {@code --pin} after checking it).
 */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a mail account (servers discovered from the address"
        + " unless given), check the login, save it with its password.")
public final class AccountAddCommand implements Callable<Integer> {

    @ParentCommand
    AccountCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The account's address.")
    String email;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name for From.")
    String displayName;

    @Option(names = "--username", paramLabel = "LOGIN", description = "Login name (default: the address).")
    String username;

    @Option(names = "--imap", paramLabel = "HOST[:PORT]", description = "IMAP server (port 993 = implicit TLS, other ports STARTTLS).")
    String imap;

    @Option(names = "--imap-tls", paramLabel = "MODE", description = "Force IMAP security: ${COMPLETION-CANDIDATES}.")
    ConnectionSecurity imapTls;

    @Option(names = "--smtp", paramLabel = "HOST[:PORT]", description = "Submission server (port 465 = implicit TLS, other ports STARTTLS).")
    String smtp;

    @Option(names = "--smtp-tls", paramLabel = "MODE", description = "Force SMTP security: ${COMPLETION-CANDIDATES}.")
    ConnectionSecurity smtpTls;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust this CA certificate for this account's servers.")
    Path caFile;

    @Option(names = "--pin", paramLabel = "SHA256", description = "Accept exactly the server certificate with this SHA-256"
            + " fingerprint (after checking it with the server's operator).")
    List<String> pins = List.of();

    @Option(names = "--no-check", description = "Save without logging in first.")
    boolean noCheck;

    @Option(names = "--rights-server", paramLabel = "URL", description = "Rights server for online licensing (recipients"
            + " without a certificate); kept in the profile's " + org.sealmail.app.rights.ProfileRightsSettings.FILE_NAME + ".")
    java.net.URI rightsServer;

    @Option(names = "--rights-trust", paramLabel = "CA.pem", description = "CA certificate(s) for the rights server's TLS"
            + " certificate (default: the system trust store).")
    Path rightsTrust;

    @Option(names = "--key-service", paramLabel = "URL", description = "The organisation's key service: double key"
            + " encryption for messages sent with online licensing.")
    java.net.URI keyService;

    @Mixin
    MailPasswordOptions passwords;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String login = username != null ? username : email;
        DiscoveredAccount servers = servers(out);
        ServerEndpoint imapEndpoint = imapTls != null ? servers.imap().withSecurity(imapTls) : servers.imap();
        ServerEndpoint smtpEndpoint = smtpTls != null ? servers.smtp().withSecurity(smtpTls) : servers.smtp();
        AccountTrust trust = AccountTrust.platform();
        List<X509Certificate> anchors = caFile == null ? List.of() : CertificateFiles.read(caFile);
        for (X509Certificate anchor : anchors) {
            trust = trust.withAnchor(anchor);
        }
        for (String pin : pins) {
            trust = trust.withPin(pin);
        }
        char[] password = passwords.accountPassword().orElseThrow(() -> new IllegalArgumentException(
                "no password: give --pass-file FILE or --pass-env VAR"));
        MailAccount candidate = new MailAccount("new", email, imapEndpoint, smtpEndpoint, login, trust,
                org.sealmail.mailstore.server.BodyPolicy.onDemand(), false);
        if (!noCheck) {
            check(candidate, password, out);
        }
        try (MailProfile profile = new MailProfile(parent.profileDirectory(), passwords)) {
            Account account = profile.store().accounts().add(new Account(0, email,
                    settings(imapEndpoint, login), settings(smtpEndpoint, login),
                    List.of(new Identity(displayName, email, null, null)), ComposeProtection.NONE));
            anchors.forEach(anchor -> profile.trust().addAnchor(account.id(), anchor));
            pins.forEach(pin -> profile.trust().addPin(account.id(), pin));
            AccountPasswords stored = new AccountPasswords(profile.secrets());
            stored.setPassword(account.id(), ServerRole.IMAP, password);
            stored.setPassword(account.id(), ServerRole.SMTP, password);
            profile.status().clearAuthenticationFailure(String.valueOf(account.id()));
            out.printf("Account %s added: IMAP %s, SMTP %s; password kept in %s%n", email, imapEndpoint, smtpEndpoint,
                    profile.secrets().description());
        }
        if (rightsServer != null) {
            new org.sealmail.app.rights.ProfileRightsSettings(rightsServer, Optional.ofNullable(rightsTrust),
                    Optional.ofNullable(keyService)).write(parent.profileDirectory());
            out.printf("Rights server %s: recipients without a certificate are licensed online%s%n", rightsServer,
                    keyService == null ? "" : " (double key encryption with " + keyService + ")");
        }
        return 0;
    }

    private DiscoveredAccount servers(PrintWriter out) {
        if (imap != null && smtp != null) {
            return new DiscoveredAccount(email, ServerEndpoint.parseImap(imap), ServerEndpoint.parseSubmission(smtp), email,
                    org.sealmail.mailstore.autoconfig.DiscoverySource.GUESS, false);
        }
        AccountDiscovery discovery = new AccountDiscovery(new HttpAutoconfigFetcher(), AccountDiscovery::wellKnownLocations,
                new JndiSrvResolver(), new TcpPortProbe(Duration.ofSeconds(3)));
        Optional<DiscoveredAccount> found = discovery.discover(email);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no servers found for " + email
                    + " (autoconfig, DNS SRV, common names); give --imap HOST[:PORT] and --smtp HOST[:PORT]");
        }
        DiscoveredAccount d = found.get();
        out.printf("Found by %s: IMAP %s, SMTP %s%n", d.source(), d.imap(), d.smtp());
        if (d.confirmHosts()) {
            out.println("Note: a server lies outside the address's domain (from unauthenticated DNS); check it.");
        }
        return new DiscoveredAccount(email, imap != null ? ServerEndpoint.parseImap(imap) : d.imap(),
                smtp != null ? ServerEndpoint.parseSubmission(smtp) : d.smtp(), d.username(), d.source(), d.confirmHosts());
    }

    private static void check(MailAccount account, char[] password, PrintWriter out) {
        ImapConnector connector = new ImapConnector(account, Credentials.password(account.username(), password),
                new AuthenticationGuard(new NoAccountStatus()), java.util.Set.of());
        IMAPStore store = connector.connect(MailSessionFactory.READ_TIMEOUT);
        try {
            out.printf("IMAP login to %s works%n", account.imap());
        } finally {
            try {
                store.close();
            } catch (jakarta.mail.MessagingException e) {
                // the check is done
            }
        }
    }

    private static ServerSettings settings(ServerEndpoint endpoint, String login) {
        return new ServerSettings(endpoint.host(), endpoint.port(),
                org.sealmail.mailstore.accounts.ConnectionSecurity.valueOf(endpoint.security().name()), login);
    }

    /** Status of an account not saved yet: never marked. */
    private static final class NoAccountStatus implements org.sealmail.mailstore.server.AccountStatusStore {
        @Override
        public Optional<String> authenticationFailure(String accountId) {
            return Optional.empty();
        }

        @Override
        public void markAuthenticationFailed(String accountId, String reason) {
            // nothing saved yet: the command fails with the server's answer
        }

        @Override
        public void clearAuthenticationFailure(String accountId) {
            // nothing saved yet
        }
    }

}
