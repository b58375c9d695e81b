package org.sealmail.app.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
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
 * The transport side of a profile's accounts, shared by the command line and the desktop client:
 * an {@link Account} row as the transport sees it (servers, per-account TLS trust, status), its
 * stored passwords, and the IMAP sync and SMTP outbox objects over the store.
 */
public final class AccountTransport {

    /** Connections per account for sync (IDLE has its own). */
    public static final int POOL_SIZE = 2;
    /** Attempts after which a message that keeps failing for a retryable reason is given up. */
    public static final int MAX_ATTEMPTS = 8;

    private final SqliteMailStore store;
    private final Clock clock;

    /**
     * @param store the profile's store
     * @param clock the time source (UTC instants in the store)
     */
    public AccountTransport(SqliteMailStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the per-account TLS trust */
    public AccountTrustRepository trust() {
        return new AccountTrustRepository(store.database(), clock);
    }

    /** @return the per-account status (rejected logins) */
    public SqliteAccountStatusStore status() {
        return new SqliteAccountStatusStore(store.database(), clock);
    }

    /** @return the outbox queue */
    public SqliteOutboxQueue outbox() {
        return new SqliteOutboxQueue(store, clock);
    }

    /**
     * @param account a stored account
     * @return the account as the transport sees it
     * @throws IllegalArgumentException if it has no IMAP or SMTP server
     */
    public MailAccount mailAccount(Account account) {
        if (account.imap() == null || account.smtp() == null) {
            throw new IllegalArgumentException("account " + account.name() + " has no IMAP or SMTP server");
        }
        String email = account.identities().isEmpty() ? account.name() : account.identities().get(0).address();
        return new MailAccount(String.valueOf(account.id()), email, endpoint(account.imap()), endpoint(account.smtp()),
                account.imap().username(), trust().trust(account.id()), BodyPolicy.onDemand(), false);
    }

    /**
     * @param settings a stored server
     * @return the transport's endpoint
     */
    public static ServerEndpoint endpoint(ServerSettings settings) {
        return new ServerEndpoint(settings.host(), settings.port(), ConnectionSecurity.valueOf(settings.security().name()));
    }

    /**
     * @param account the account
     * @param role IMAP or SMTP
     * @param secrets the profile's secret store
     * @return the stored login
     * @throws IllegalArgumentException if no password is stored
     */
    public static Credentials storedCredentials(Account account, ServerRole role, SecretStore secrets) {
        ServerSettings settings = role == ServerRole.IMAP ? account.imap() : account.smtp();
        char[] secret = new AccountPasswords(secrets).password(account.id(), role)
                .orElseThrow(() -> new IllegalArgumentException("no stored password for " + account.name()
                        + " in " + secrets.description()));
        return Credentials.password(settings.username(), secret);
    }

    /**
     * @param account the account
     * @param credentials its IMAP login
     * @return a connector to its IMAP server
     */
    public ImapConnector connector(Account account, Credentials credentials) {
        return new ImapConnector(mailAccount(account), credentials, new AuthenticationGuard(status()), Set.of());
    }

    /**
     * @param connector the account's IMAP connector
     * @return the sync engine over a small connection pool, writing into the store
     */
    public ImapMailSync sync(ImapConnector connector) {
        return new ImapMailSync(new ImapConnectionPool(connector, POOL_SIZE, Duration.ofSeconds(60)),
                new SqliteSyncStore(store, clock));
    }

    /**
     * @param account the account
     * @param credentials its SMTP login
     * @param sync the account's sync engine (sent copies go to its Sent folder), or null
     * @return the outbox sender of the account
     */
    public OutboxSender sender(Account account, Credentials credentials, ImapMailSync sync) {
        MailAccount mail = mailAccount(account);
        SmtpSubmitter submitter = new SmtpSubmitter(mail, credentials, new AuthenticationGuard(status()));
        return new OutboxSender(mail, outbox(), submitter, sync == null ? null : new ImapSentFolder(sync), MAX_ATTEMPTS);
    }
}
