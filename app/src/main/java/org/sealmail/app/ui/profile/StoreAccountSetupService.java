package org.sealmail.app.ui.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sealmail.app.mail.AccountRegistration;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.ui.setup.AccountSetupService;
import org.sealmail.app.ui.setup.DiscoveredServers;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.setup.ServerEndpoint;
import org.sealmail.app.ui.setup.UntrustedServerException;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.autoconfig.AccountDiscovery;
import org.sealmail.mailstore.autoconfig.DiscoveredAccount;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;

/**
 * The setup wizard's {@link AccountSetupService} over the profile: autoconfiguration (provider
 * config file, ISPDB, DNS SRV per RFC 6186, common names) and account creation through
 * {@link AccountRegistration}, the same code as {@code sealmail account add}: login checked first,
 * then account, identity, TLS pins and password (secret store) saved.
 */
public final class StoreAccountSetupService implements AccountSetupService {

    private final SqliteMailStore store;
    private final SecretStore secrets;
    private final AccountTransport transport;
    private final AccountDiscovery discovery;
    private final Consumer<Account> created;
    private final org.sealmail.app.ui.UiText text;

    /**
     * @param store the profile's store
     * @param secrets where the password goes
     * @param transport the profile's transport side
     * @param discovery finds the servers of an address
     * @param created told about each account created (starts its synchronization)
     * @param text the UI strings (names where servers were found)
     */
    public StoreAccountSetupService(SqliteMailStore store, SecretStore secrets, AccountTransport transport,
            AccountDiscovery discovery, Consumer<Account> created, org.sealmail.app.ui.UiText text) {
        this.text = Objects.requireNonNull(text, "text");
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.created = Objects.requireNonNull(created, "created");
    }

    @Override
    public DiscoveredServers discover(String address) {
        Optional<DiscoveredAccount> found = discovery.discover(address);
        if (found.isEmpty()) {
            return DiscoveredServers.nothing();
        }
        DiscoveredAccount account = found.get();
        return new DiscoveredServers(Optional.of(endpoint(account.imap())), Optional.of(endpoint(account.smtp())),
                Optional.of(account.username()),
                text.get(switch (account.source()) {
                    case AUTOCONFIG -> "setup.source.autoconfig";
                    case SRV -> "setup.source.srv";
                    case GUESS -> "setup.source.guess";
                }));
    }

    /**
     * @throws UntrustedServerException when the server's certificate is not trusted (with its fingerprint)
     * @throws IllegalStateException with the server's answer when the login fails or the server cannot be reached
     */
    @Override
    public void create(NewAccount account) {
        AccountRegistration registration = new AccountRegistration(account.address(), account.name(), account.username(),
                endpoint(account.imap()), endpoint(account.smtp()), List.of(), account.pinnedFingerprints());
        try {
            registration.checkLogin(account.password());
        } catch (MailServerException e) {
            if (e.failure() == MailServerFailure.CERTIFICATE_UNTRUSTED && e.certificateFingerprint().isPresent()) {
                throw new UntrustedServerException(account.imap().host(), e.certificateFingerprint().get(), e);
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        created.accept(registration.save(store, secrets, transport, account.password()));
    }

    private static ServerEndpoint endpoint(org.sealmail.mailstore.server.ServerEndpoint endpoint) {
        return new ServerEndpoint(endpoint.host(), endpoint.port(), endpoint.security() == ConnectionSecurity.IMPLICIT_TLS
                ? ServerEndpoint.Security.IMPLICIT_TLS : ServerEndpoint.Security.STARTTLS);
    }

    private static org.sealmail.mailstore.server.ServerEndpoint endpoint(ServerEndpoint endpoint) {
        return new org.sealmail.mailstore.server.ServerEndpoint(endpoint.host(), endpoint.port(),
                endpoint.security() == ServerEndpoint.Security.IMPLICIT_TLS ? ConnectionSecurity.IMPLICIT_TLS
                        : ConnectionSecurity.STARTTLS);
    }
}
