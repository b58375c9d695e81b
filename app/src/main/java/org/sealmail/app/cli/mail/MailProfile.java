package org.sealmail.app.cli.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.imap.ImapConnectionPool;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.ImapSentFolder;
import org.sealmail.mailstore.imap.SqliteSyncStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.server.SqliteAccountStatusStore;
import org.sealmail.mailstore.smtp.OutboxSender;
import org.sealmail.mailstore.smtp.SmtpSubmitter;
import org.sealmail.mailstore.smtp.SqliteOutboxQueue;
import org.sealmail.mailstore.tls.AccountTrustRepository;

/**
 * The mail side of one profile, wired for the CLI: the store, its accounts as the transport sees
 * them (servers, TLS trust, status), their passwords, and the sync and outbox objects.
 */
public final class MailProfile implements AutoCloseable {

    /** Connections per account for sync (IDLE has its own). */
    static final int POOL_SIZE = 2;
    /** Attempts after which a message that keeps failing for a retryable reason is given up. */
    static final int MAX_ATTEMPTS = 8;

    private final Path directory;
    private final SqliteMailStore store;
    private final MailPasswordOptions passwords;
    private final Clock clock = Clock.systemUTC();
    private SecretStore secrets;

    /**
     * @param directory the profile directory (its store is opened)
     * @param passwords where account and master passwords come from
     */
    public MailProfile(Path directory, MailPasswordOptions passwords) {
        this.directory = directory;
        this.store = SqliteMailStore.open(directory);
        this.passwords = passwords;
    }

    /** @return the profile's store */
    public SqliteMailStore store() {
        return store;
    }

    AccountTrustRepository trust() {
        return new AccountTrustRepository(store.database(), clock);
    }

    SqliteAccountStatusStore status() {
        return new SqliteAccountStatusStore(store.database(), clock);
    }

    SqliteOutboxQueue outbox() {
        return new SqliteOutboxQueue(store, clock);
    }

    /**
     * @param nameOrAddress an account name or the address of one of its identities
     * @return the account
     * @throws IllegalArgumentException if there is none
     */
    public Account account(String nameOrAddress) {
        Optional<Account> byName = store.accounts().findByName(nameOrAddress);
        if (byName.isPresent()) {
            return byName.get();
        }
        return store.accounts().list().stream()
                .filter(a -> a.identities().stream().anyMatch(i -> i.address().equalsIgnoreCase(nameOrAddress)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account '" + nameOrAddress + "' in " + directory
                        + " (sealmail account add --email ...)"));
    }

    List<Account> accounts() {
        return store.accounts().list();
    }

    /** @return the account as the transport sees it */
    MailAccount mailAccount(Account account) {
        if (account.imap() == null || account.smtp() == null) {
            throw new IllegalArgumentException("account " + account.name() + " has no IMAP or SMTP server");
        }
        String email = account.identities().isEmpty() ? account.name() : account.identities().get(0).address();
        return new MailAccount(String.valueOf(account.id()), email, endpoint(account.imap()), endpoint(account.smtp()),
                account.imap().username(), trust().trust(account.id()), BodyPolicy.onDemand(), false);
    }

    static ServerEndpoint endpoint(ServerSettings settings) {
        return new ServerEndpoint(settings.host(), settings.port(),
                ConnectionSecurity.valueOf(settings.security().name()));
    }

    /** @return the secret store: the password file when a master password is given, else the OS keyring */
    public SecretStore secrets() {
        if (secrets == null) {
            Optional<char[]> master = passwords.masterPassword();
            secrets = master.isPresent()
                    ? PasswordFileSecretStore.open(directory.resolve(PasswordFileSecretStore.FILE_NAME), master.get())
                    : SecretStore.forProfile(directory, () -> {
                        throw new StoreException(StoreFailure.SECRETS, "no OS keyring here: give --master-pass-file FILE or set "
                                + MailPasswordOptions.MASTER_ENV + " for the profile's password file");
                    });
        }
        return secrets;
    }

    /** @return the login for a server: the password given on the command line, else the stored one */
    Credentials credentials(Account account, ServerRole role) {
        ServerSettings settings = role == ServerRole.IMAP ? account.imap() : account.smtp();
        Optional<char[]> given = passwords.accountPassword();
        char[] secret = given.orElseGet(() -> new AccountPasswords(secrets()).password(account.id(), role)
                .orElseThrow(() -> new IllegalArgumentException("no stored password for " + account.name()
                        + "; give --pass-file FILE or run: sealmail account password --account " + account.name())));
        return Credentials.password(settings.username(), secret);
    }

    /**
     * @param account an account with an IMAP server
     * @return a connector with the account's TLS trust and login (stored password, or the one given)
     */
    public ImapConnector connector(Account account) {
        return new ImapConnector(mailAccount(account), credentials(account, ServerRole.IMAP),
                new AuthenticationGuard(status()), Set.of());
    }

    ImapMailSync sync(Account account) {
        return new ImapMailSync(new ImapConnectionPool(connector(account), POOL_SIZE, Duration.ofSeconds(60)),
                new SqliteSyncStore(store, clock));
    }

    OutboxSender sender(Account account, ImapMailSync sync) {
        MailAccount mail = mailAccount(account);
        SmtpSubmitter submitter = new SmtpSubmitter(mail, credentials(account, ServerRole.SMTP),
                new AuthenticationGuard(status()));
        return new OutboxSender(mail, outbox(), submitter, sync == null ? null : new ImapSentFolder(sync), MAX_ATTEMPTS);
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
