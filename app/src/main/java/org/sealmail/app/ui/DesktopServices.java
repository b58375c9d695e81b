package org.sealmail.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.sealmail.app.mail.AccountRegistration;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.sending.StoreOutbox;
import org.sealmail.app.sending.CertificateLookup;
import org.sealmail.app.sending.CertificateRecipientDirectory;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.app.ui.opening.StoredMessageOpener;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.profile.ProfileTemplates;
import org.sealmail.app.ui.profile.StoreAccountSetupService;
import org.sealmail.app.ui.profile.StoreDraftStore;
import org.sealmail.app.ui.profile.StoreKeyRing;
import org.sealmail.app.ui.rights.SentItemRights;
import org.sealmail.app.ui.rights.ServerSentItemRights;
import org.sealmail.app.ui.rules.ProfileRules;
import org.sealmail.app.ui.settings.JavaPreferencesStore;
import org.sealmail.app.ui.store.StoreMailbox;
import org.sealmail.app.ui.sync.DesktopSync;
import org.sealmail.app.ui.sync.SendingOutbox;
import org.sealmail.app.ui.sync.SyncedMailbox;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.autoconfig.AccountDiscovery;
import org.sealmail.mailstore.certificates.DirectoryEntry;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.keys.OwnKeyRepository;
import org.sealmail.mailstore.keys.ProfileSettings;
import org.sealmail.mailstore.keys.TrustAnchorRepository;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.secrets.StoreKeyCipher;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;

/**
 * The composition root of the desktop client. {@link #open} opens the profile's store;
 * {@link #start} (once the profile's secrets are open: OS keyring or unlocked password file)
 * builds the service ports over it: own keys and trust anchors in the store (private keys sealed
 * with the store key), drafts and use licenses encrypted at rest, custom rights templates from
 * the profile, account setup with autoconfiguration, the policy send pipeline over the outbox,
 * and the background synchronization of every account. The profile's protection rules
 * ({@link ProfileRules#location}) are loaded once at start; the send path and the rules editor
 * share them, so a file saved in the editor applies to the next message, and a file that does not
 * load holds outgoing mail. When the profile names a rights server, opening, recipient readiness
 * and sending use online licensing (docs/rights-server-api.md). Closing stops the
 * synchronization and closes the store.
 */
public final class DesktopServices implements AutoCloseable {

    private final Path profile;
    private final SqliteMailStore store;
    private final Clock clock;
    private final AccountDiscovery discovery;
    private volatile DesktopSync sync;
    private volatile StoreKeyRing keyRing;
    private volatile List<String> templateProblems = List.of();
    private volatile ProfileSecrets secrets;
    private volatile SecretStore secretStore;
    private volatile Optional<SentItemRights> sentItemRights = Optional.empty();

    private DesktopServices(Path profile, SqliteMailStore store, Clock clock, AccountDiscovery discovery) {
        this.profile = profile;
        this.store = store;
        this.clock = clock;
        this.discovery = discovery;
        this.secrets = new ProfileSecrets(profile);
    }

    /**
     * Opens the store of a profile (creates it when missing). Call off the JavaFX thread.
     *
     * @param profile the profile directory
     * @return the services, not started yet
     * @throws org.sealmail.mailstore.StoreException when the store cannot be opened
     */
    public static DesktopServices open(Path profile) {
        return open(profile, AccountRegistration.discovery());
    }

    /**
     * @param profile the profile directory
     * @param discovery how the setup wizard finds servers
     * @return the services, not started yet
     */
    public static DesktopServices open(Path profile, AccountDiscovery discovery) {
        Objects.requireNonNull(profile, "profile");
        return new DesktopServices(profile, SqliteMailStore.open(profile), Clock.systemDefaultZone(),
                Objects.requireNonNull(discovery, "discovery"));
    }

    /** @return where the profile's secrets are (keyring or password file, or as set by {@link #useSecrets}) */
    public ProfileSecrets secrets() {
        return secrets;
    }

    /**
     * @param preset where this profile's secrets come from instead (the demo's known master password)
     * @return these services
     */
    public DesktopServices useSecrets(ProfileSecrets preset) {
        this.secrets = Objects.requireNonNull(preset, "preset");
        return this;
    }

    /** @return the profile's store */
    public SqliteMailStore store() {
        return store;
    }

    /**
     * Builds the service ports over the open secrets and starts synchronizing every account.
     * Call off the JavaFX thread, once.
     *
     * @param secrets the profile's secret store
     * @param text the UI strings
     * @return the service ports
     * @throws org.sealmail.mailstore.StoreException SECRETS when the store key cannot be read
     */
    public UiServices start(SecretStore secrets, UiText text) {
        Objects.requireNonNull(secrets, "secrets");
        if (sync != null) {
            throw new IllegalStateException("the desktop services are started already");
        }
        StoreKeyCipher cipher = StoreKeyCipher.fromSecrets(secrets);
        StoreKeyRing keys = new StoreKeyRing(new OwnKeyRepository(store.database(), cipher),
                new TrustAnchorRepository(store.database()), new ProfileSettings(store.database()), clock);
        AccountTransport transport = new AccountTransport(store, clock);
        DesktopSync started = new DesktopSync(store, transport, secrets);
        ProfileTemplates templates = ProfileTemplates.read(profile);
        templateProblems = templates.problems();
        CertificateLookup certificates = CertificateLookup.of(store);
        RuleSetHolder rules = ProfileRules.loadAtStart(profile);
        Optional<org.sealmail.app.rights.ProfileRightsSettings> rightsServer =
                org.sealmail.app.rights.ProfileRightsSettings.read(profile);
        DesktopOnlineLicensing online = DesktopOnlineLicensing.of(rightsServer, profile, store, secrets, clock);
        PipelineOutbox pipeline = new PipelineOutbox(accountId -> sender(accountId, keys)
                .orElseThrow(() -> new NoSuchElementException(text.get("compose.error.no-account"))),
                accountId -> online.pipeline(new OutgoingMessagePipeline(rules,
                        certificates.asRecipientCertificates(),
                        new StoreOutbox(store.outbox(), accountId, clock), clock)), templates.templates(), clock);
        UiServices services = new UiServices(
                new SyncedMailbox(new StoreMailbox(store, text.get("main.local-folders")), started),
                online.opener(new StoredMessageOpener(started::raw, keys, store.useLicenseCache(secrets), clock)),
                online.directory(new CertificateRecipientDirectory(certificates, (prefix, limit) -> store.certificates()
                        .list().stream().map(DirectoryEntry::address).distinct()
                        .filter(address -> address.contains(prefix.toLowerCase(Locale.ROOT)))
                        .limit(limit).toList(), clock)),
                new SendingOutbox(pipeline, started),
                new StoreDraftStore(store.drafts(secrets), accountId -> sender(accountId, keys), clock),
                templateOptions(templates), keys,
                new JavaPreferencesStore(Preferences.userRoot().node("sealmail/ui")),
                new StoreAccountSetupService(store, secrets, transport, discovery,
                        account -> started.synchronize(account.id()), text),
                new ProfileRules(rules));
        sentItemRights = rightsServer.map(settings ->
                new ServerSentItemRights(started::raw, keys, settings, clock));
        this.keyRing = keys;
        this.secretStore = secrets;
        this.sync = started;
        started.start();
        return services;
    }

    private Optional<SenderIdentity> sender(long accountId, StoreKeyRing keys) {
        Optional<Account> found = store.accounts().find(accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        if (account.identities().isEmpty()) {
            throw new IllegalStateException("account " + account.name() + " has no identity (From address)");
        }
        String address = account.identities().get(0).address();
        Optional<CertifiedKey> key = keys.privateKeys().stream()
                .filter(candidate -> CertificateAddresses.matches(candidate.certificate(), address)).findFirst();
        String name = account.identities().get(0).displayName();
        return Optional.of(new SenderIdentity(name == null ? "" : name, address, key));
    }

    /** @return the key ring, once started */
    public Optional<StoreKeyRing> keyRing() {
        return Optional.ofNullable(keyRing);
    }

    /** @return the background synchronization, once started */
    public Optional<DesktopSync> sync() {
        return Optional.ofNullable(sync);
    }

    /** @return one line per custom template file that could not be read (file and line named) */
    public List<String> templateProblems() {
        return templateProblems;
    }

    /**
     * @return the sender's actions on sent messages protected with online licensing, when the profile names a rights
     *     server (docs/rights-server-api.md §7); empty before {@link #start}
     */
    public Optional<SentItemRights> sentItemRights() {
        return sentItemRights;
    }

    /**
     * Keeps an account's password (IMAP and SMTP) in the profile's secret store and synchronizes the
     * account now: for accounts made by the program itself after start (the built-in demo's).
     * Call off the JavaFX thread, after {@link #start}.
     *
     * @param accountId the account
     * @param password its password (not retained)
     * @throws IllegalStateException before {@link #start}
     */
    public void storePasswordAndSynchronize(long accountId, char[] password) {
        DesktopSync running = sync;
        SecretStore store = secretStore;
        if (running == null || store == null) {
            throw new IllegalStateException("the desktop services are not started");
        }
        AccountPasswords passwords = new AccountPasswords(store);
        passwords.setPassword(accountId, ServerRole.IMAP, password);
        passwords.setPassword(accountId, ServerRole.SMTP, password);
        running.synchronize(accountId);
    }

    /** Stops the synchronization and closes the store. */
    @Override
    public void close() {
        DesktopSync running = sync;
        if (running != null) {
            running.close();
        }
        store.close();
    }

    /** @return Encrypt and Do Not Forward, the built-in rights templates (DESIGN.md) */
    public static List<TemplateOption> builtInTemplates() {
        return List.of(new TemplateOption(ProtectionChoice.ENCRYPT, "Encrypt", true),
                new TemplateOption(ProtectionChoice.DO_NOT_FORWARD, "Do Not Forward", true));
    }

    /**
     * @param templates the profile's custom templates
     * @return the built-in templates, then the custom ones
     */
    public static List<TemplateOption> templateOptions(ProfileTemplates templates) {
        List<TemplateOption> options = new ArrayList<>(builtInTemplates());
        for (ProtectionTemplate template : templates.templates().values()) {
            options.add(new TemplateOption(template.id(), template.name(), false));
        }
        return options;
    }
}
