package org.sealmail.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.sealmail.app.sending.CertificateLookup;
import org.sealmail.app.sending.CertificateRecipientDirectory;
import org.sealmail.app.send.StoreOutbox;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.opening.StoredMessageOpener;
import org.sealmail.app.ui.rules.ProfileRules;
import org.sealmail.app.ui.settings.JavaPreferencesStore;
import org.sealmail.app.ui.setup.AccountSetupService;
import org.sealmail.app.ui.setup.DiscoveredServers;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.store.StoreMailbox;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.certificates.DirectoryEntry;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;

/**
 * The composition root of the desktop client: opens the profile's store and builds the service
 * ports over it (message lists, opening, certificates, the outbox). The profile's protection
 * rules ({@link ProfileRules#location}) are loaded once here; the send path and the rules editor
 * share them, so a file saved in the editor applies to the next message, and a file that does not
 * load holds outgoing mail. Closing closes the store.
 */
public final class DesktopServices implements AutoCloseable {

    private final SqliteMailStore store;
    private final UiServices services;
    private Optional<org.sealmail.app.ui.rights.SentItemRights> sentItemRights = Optional.empty();

    private DesktopServices(SqliteMailStore store, UiServices services) {
        this.store = store;
        this.services = services;
    }

    /**
     * @return the sender's actions on sent messages protected with online licensing, when the profile names a rights
     *     server (docs/rights-server-api.md §7)
     */
    public Optional<org.sealmail.app.ui.rights.SentItemRights> sentItemRights() {
        return sentItemRights;
    }

    /**
     * Opens the store of a profile (creates it when missing). Call off the JavaFX thread.
     *
     * @param profile the profile directory
     * @return the services
     * @throws org.sealmail.mailstore.StoreException when the store cannot be opened
     */
    public static DesktopServices open(Path profile) {
        Objects.requireNonNull(profile, "profile");
        SqliteMailStore store = SqliteMailStore.open(profile);
        Clock clock = Clock.systemDefaultZone();
        InMemoryKeyRing keyRing = new InMemoryKeyRing();
        DesktopOnlineLicensing online = DesktopOnlineLicensing.of(profile, store, clock);
        CertificateLookup certificates = address -> store.certificates().find(address).stream()
                .map(DirectoryEntry::certificate).findFirst();
        InMemoryComposeServices drafts = new InMemoryComposeServices();
        RuleSetHolder rules = ProfileRules.loadAtStart(profile);
        UiServices services = new UiServices(
                new StoreMailbox(store, UiText.forLocale(java.util.Locale.getDefault()).get("main.local-folders")),
                online.opener(new StoredMessageOpener(id -> store.messages().raw(id)
                        .orElseThrow(() -> new NoSuchElementException("message " + id + " has no stored body")),
                        keyRing, new InMemoryUseLicenseCache(), clock)),
                online.directory(new CertificateRecipientDirectory(certificates, (prefix, limit) -> store.certificates().list()
                        .stream().map(DirectoryEntry::address).distinct()
                        .filter(address -> address.contains(prefix.toLowerCase(java.util.Locale.ROOT)))
                        .limit(limit).toList(), clock)),
                new PipelineOutbox(accountId -> sender(store, keyRing, accountId),
                        accountId -> online.pipeline(new OutgoingMessagePipeline(rules,
                                address -> certificates.certificateFor(address).stream().toList(),
                                new StoreOutbox(store.outbox(), accountId, clock), clock)), Map.of(), clock),
                drafts, builtInTemplates(), keyRing,
                new JavaPreferencesStore(Preferences.userRoot().node("sealmail/ui")), new AccountSetupService() {
                    @Override
                    public DiscoveredServers discover(String address) {
                        return DiscoveredServers.nothing();
                    }

                    @Override
                    public void create(NewAccount account) {
                        throw new IllegalStateException("accounts are created with the command line in this build");
                    }
                }, new ProfileRules(rules));
        DesktopServices desktop = new DesktopServices(store, services);
        desktop.sentItemRights = org.sealmail.app.rights.ProfileRightsSettings.read(profile).map(settings ->
                new org.sealmail.app.ui.rights.ServerSentItemRights(id -> store.messages().raw(id).orElseThrow(() ->
                        new NoSuchElementException("message " + id + " has no stored body")), keyRing, settings, clock));
        return desktop;
    }

    private static SenderIdentity sender(SqliteMailStore store, InMemoryKeyRing keyRing, long accountId) {
        Account account = store.accounts().find(accountId)
                .orElseThrow(() -> new NoSuchElementException("no account with id " + accountId));
        if (account.identities().isEmpty()) {
            throw new IllegalStateException("account " + account.name() + " has no identity (From address)");
        }
        String address = account.identities().get(0).address();
        Optional<CertifiedKey> key = keyRing.privateKeys().stream()
                .filter(candidate -> CertificateAddresses.matches(candidate.certificate(), address)).findFirst();
        return new SenderIdentity(account.identities().get(0).displayName(), address, key);
    }

    /** @return the service ports */
    public UiServices services() {
        return services;
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }

    /** @return Encrypt and Do Not Forward, the built-in rights templates (DESIGN.md) */
    public static List<TemplateOption> builtInTemplates() {
        return List.of(new TemplateOption(ProtectionChoice.ENCRYPT, "Encrypt", true),
                new TemplateOption(ProtectionChoice.DO_NOT_FORWARD, "Do Not Forward", true));
    }
}
