package org.sealmail.app.mail;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.autoconfig.AccountDiscovery;
import org.sealmail.mailstore.autoconfig.HttpAutoconfigFetcher;
import org.sealmail.mailstore.autoconfig.JndiSrvResolver;
import org.sealmail.mailstore.autoconfig.TcpPortProbe;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.server.AccountStatusStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailSessionFactory;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * Adds a mail account to a profile, for the command line ({@code sealmail account add}) and the
 * desktop setup wizard alike: the IMAP login is checked first (TLS with the account's own trust;
 * an untrusted certificate is refused with its fingerprint), then the account and identity rows,
 * the TLS anchors and pins and the password (secret store) are saved.
 *
 * @param email the account's address
 * @param displayName the name for From, or null
 * @param login the login name
 * @param imap the IMAP server
 * @param smtp the submission server
 * @param anchors extra CA certificates trusted for this account's servers
 * @param pins SHA-256 fingerprints of server certificates the user accepted explicitly
 */
public record AccountRegistration(String email, String displayName, String login, ServerEndpoint imap, ServerEndpoint smtp,
        List<X509Certificate> anchors, List<String> pins) {

    /** Copies the lists and rejects nulls. */
    public AccountRegistration {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        anchors = List.copyOf(anchors);
        pins = List.copyOf(pins);
    }

    /** @return the discovery the clients use: autoconfig, DNS SRV (RFC 6186), common host names */
    public static AccountDiscovery discovery() {
        return new AccountDiscovery(new HttpAutoconfigFetcher(), AccountDiscovery::wellKnownLocations,
                new JndiSrvResolver(), new TcpPortProbe(Duration.ofSeconds(3)));
    }

    /** @return platform trust plus the anchors and pins of this registration */
    public AccountTrust trust() {
        AccountTrust trust = AccountTrust.platform();
        for (X509Certificate anchor : anchors) {
            trust = trust.withAnchor(anchor);
        }
        for (String pin : pins) {
            trust = trust.withPin(pin);
        }
        return trust;
    }

    /** @return the account as the transport sees it before it is saved */
    public MailAccount candidate() {
        return new MailAccount("new", email, imap, smtp, login, trust(), BodyPolicy.onDemand(), false);
    }

    /**
     * Logs in to the IMAP server and logs out again.
     *
     * @param password the password (not retained)
     * @throws org.sealmail.mailstore.server.MailServerException when the server cannot be reached,
     *     its certificate is not trusted (with the fingerprint) or the login is rejected
     */
    public void checkLogin(char[] password) {
        ImapConnector connector = new ImapConnector(candidate(), Credentials.password(login, password.clone()),
                new AuthenticationGuard(new UnsavedAccountStatus()), Set.of());
        IMAPStore store = connector.connect(MailSessionFactory.READ_TIMEOUT);
        try {
            store.close();
        } catch (jakarta.mail.MessagingException e) {
            // logged in: the check is done
        }
    }

    /**
     * Saves the account, its identity, TLS trust and password (the same password for IMAP and SMTP).
     *
     * @param store the profile's store
     * @param secrets the profile's secret store
     * @param transport the profile's transport side
     * @param password the password (not retained)
     * @return the saved account
     */
    public Account save(SqliteMailStore store, SecretStore secrets, AccountTransport transport, char[] password) {
        Account account = store.accounts().add(new Account(0, email, settings(imap), settings(smtp),
                List.of(new Identity(displayName, email, null, null)), ComposeProtection.NONE));
        anchors.forEach(anchor -> transport.trust().addAnchor(account.id(), anchor));
        pins.forEach(pin -> transport.trust().addPin(account.id(), pin));
        AccountPasswords stored = new AccountPasswords(secrets);
        stored.setPassword(account.id(), ServerRole.IMAP, password);
        stored.setPassword(account.id(), ServerRole.SMTP, password);
        transport.status().clearAuthenticationFailure(String.valueOf(account.id()));
        return account;
    }

    private ServerSettings settings(ServerEndpoint endpoint) {
        return new ServerSettings(endpoint.host(), endpoint.port(),
                org.sealmail.mailstore.accounts.ConnectionSecurity.valueOf(endpoint.security().name()), login);
    }

    /** Status of an account not saved yet: never marked. */
    private static final class UnsavedAccountStatus implements AccountStatusStore {
        @Override
        public Optional<String> authenticationFailure(String accountId) {
            return Optional.empty();
        }

        @Override
        public void markAuthenticationFailed(String accountId, String reason) {
            // nothing saved yet: the caller fails with the server's answer
        }

        @Override
        public void clearAuthenticationFailure(String accountId) {
            // nothing saved yet
        }
    }
}
