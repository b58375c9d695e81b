package org.sealmail.app.demo;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.sealmail.app.sending.StoreOutbox;
import org.sealmail.app.sending.CertificateLookup;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.opening.StoredMessageOpener;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.imap.ImapConnectionPool;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.SqliteSyncStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.server.SqliteAccountStatusStore;
import org.sealmail.mailstore.smtp.OutboxSender;
import org.sealmail.mailstore.smtp.SmtpSubmitter;
import org.sealmail.mailstore.smtp.SqliteOutboxQueue;
import org.sealmail.mailstore.tls.AccountTrustRepository;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;

/**
 * One demo user's profile, wired like the client's: a store (SQLite) with one account on the demo
 * servers, the user's S/MIME key and the demo CA as trust anchor, the correspondent's certificate
 * in the certificate directory, and the real send path (send pipeline into the store's outbox,
 * {@link OutboxSender} over SMTP), sync ({@link ImapMailSync}) and opener
 * ({@link StoredMessageOpener}).
 */
public final class DemoProfile implements AutoCloseable {

    private static final int MAX_ATTEMPTS = 3;
    /** Bodies up to this size (bytes) come with the sync; larger ones when opened. */
    private static final long BODIES_DURING_SYNC = 1L << 20;

    private final SqliteMailStore store;
    private final Account account;
    private final MailAccount mailAccount;
    private final DemoLogin login;
    private final InMemoryKeyRing keyRing = new InMemoryKeyRing();
    private final Clock clock;

    private DemoProfile(SqliteMailStore store, Account account, MailAccount mailAccount, DemoLogin login, Clock clock) {
        this.store = store;
        this.account = account;
        this.mailAccount = mailAccount;
        this.login = login;
        this.clock = clock;
    }

    /**
     * Opens (or creates) the profile and points its account at the servers.
     *
     * @param directory the profile directory
     * @param displayName the display name for From
     * @param login the mailbox
     * @param servers the servers and their TLS trust
     * @param ownKey the user's S/MIME key
     * @param anchor the S/MIME trust anchor (the demo CA)
     * @param correspondents certificates of the people this user writes to
     * @param clock the time source
     * @return the profile
     * @throws org.sealmail.mailstore.StoreException when the store cannot be opened (read-only,
     *         from a newer Sealmail, not a store)
     */
    public static DemoProfile open(Path directory, String displayName, DemoLogin login, DemoServers servers,
            CertifiedKey ownKey, X509Certificate anchor, List<X509Certificate> correspondents, Clock clock) {
        SqliteMailStore store = SqliteMailStore.open(directory);
        try {
            Account account = configure(store, displayName, login, servers);
            AccountTrustRepository trust = new AccountTrustRepository(store.database(), clock);
            servers.trust().extraAnchors().forEach(ca -> trust.addAnchor(account.id(), ca));
            new SqliteAccountStatusStore(store.database(), clock).clearAuthenticationFailure(String.valueOf(account.id()));
            for (X509Certificate certificate : correspondents) {
                store.certificates().importCertificate(certificate, clock.instant());
            }
            MailAccount mail = new MailAccount(String.valueOf(account.id()), login.address(), servers.imap(), servers.smtp(),
                    login.username(), servers.trust(), BodyPolicy.upTo(BODIES_DURING_SYNC), false);
            DemoProfile profile = new DemoProfile(store, account, mail, login, clock);
            profile.keyRing.addKey(ownKey);
            profile.keyRing.addAnchor(anchor);
            return profile;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Account configure(SqliteMailStore store, String displayName, DemoLogin login, DemoServers servers) {
        ServerSettings imap = settings(servers.imap(), login.username());
        ServerSettings smtp = settings(servers.smtp(), login.username());
        List<Identity> identities = List.of(new Identity(displayName, login.address(), null, null));
        Optional<Account> existing = store.accounts().findByName(login.address());
        if (existing.isPresent()) {
            Account updated = new Account(existing.get().id(), login.address(), imap, smtp, identities,
                    existing.get().defaultProtection());
            store.accounts().update(updated);
            return updated;
        }
        return store.accounts().add(new Account(0, login.address(), imap, smtp, identities, ComposeProtection.NONE));
    }

    private static ServerSettings settings(ServerEndpoint endpoint, String username) {
        return new ServerSettings(endpoint.host(), endpoint.port(),
                org.sealmail.mailstore.accounts.ConnectionSecurity.valueOf(endpoint.security().name()), username);
    }

    /** @return the store */
    public SqliteMailStore store() {
        return store;
    }

    /** @return the account in the store */
    public Account account() {
        return account;
    }

    /** @return own keys and anchors, as the reader sees them */
    public InMemoryKeyRing keyRing() {
        return keyRing;
    }

    /**
     * The composer's send path: the message is built, protected by the send pipeline (rules,
     * rights template or S/MIME) and queued in this store's outbox.
     *
     * @param customTemplates custom rights templates by id
     * @param protectionClock the time protection and signing use
     * @return the outbox the composer would use
     */
    public PipelineOutbox composerOutbox(Map<String, ProtectionTemplate> customTemplates, Clock protectionClock) {
        return new PipelineOutbox(id -> sender(id), id -> new OutgoingMessagePipeline(RuleSetHolder.withoutRulesFile(),
                CertificateLookup.of(store).asRecipientCertificates(),
                new StoreOutbox(store.outbox(), id, protectionClock), protectionClock), customTemplates, protectionClock);
    }

    private SenderIdentity sender(long accountId) {
        if (accountId != account.id()) {
            throw new NoSuchElementException("no account with id " + accountId);
        }
        Identity identity = account.identities().get(0);
        return new SenderIdentity(identity.displayName(), identity.address(), Optional.of(keyRing.privateKeys().get(0)));
    }

    /** @return the submission side: sends what this store's outbox holds over SMTP */
    public OutboxSender outboxSender() {
        return new OutboxSender(mailAccount, new SqliteOutboxQueue(store, clock),
                new SmtpSubmitter(mailAccount, credentials(), guard()), null, MAX_ATTEMPTS);
    }

    /** @return a sync of this account's folders into the store (close it when done) */
    public ImapMailSync sync() {
        return new ImapMailSync(new ImapConnectionPool(new ImapConnector(mailAccount, credentials(), guard(), Set.of()), 2,
                Duration.ofSeconds(60)), new SqliteSyncStore(store, clock));
    }

    /**
     * @param openClock the time the reader opens at (expiry)
     * @return the opener the desktop client uses, over this store, keys and anchors
     */
    public StoredMessageOpener opener(Clock openClock) {
        return new StoredMessageOpener(id -> store.messages().raw(id)
                .orElseThrow(() -> new NoSuchElementException("message " + id + " has no stored body")),
                keyRing, new InMemoryUseLicenseCache(), openClock);
    }

    private Credentials credentials() {
        return Credentials.password(login.username(), login.password());
    }

    private AuthenticationGuard guard() {
        return new AuthenticationGuard(new SqliteAccountStatusStore(store.database(), clock));
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    /** @return the profile's directory */
    public Path directory() {
        return store.profileDirectory();
    }
}
