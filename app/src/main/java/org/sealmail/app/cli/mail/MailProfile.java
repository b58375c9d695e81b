package org.sealmail.app.cli.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.server.SqliteAccountStatusStore;
import org.sealmail.mailstore.smtp.OutboxSender;
import org.sealmail.mailstore.smtp.SqliteOutboxQueue;
import org.sealmail.mailstore.tls.AccountTrustRepository;

/**
 * The mail side of one profile, wired for the CLI: the store, its accounts as the transport sees
 * them (servers, TLS trust, status), their passwords, and the sync and outbox objects.
 */
public final class MailProfile implements AutoCloseable {

    private final Path directory;
    private final SqliteMailStore store;
    private final MailPasswordOptions passwords;
    private final Clock clock = Clock.systemUTC();
    private final AccountTransport transport;
    private SecretStore secrets;

    /**
     * @param directory the profile directory (its store is opened)
     * @param passwords where account and master passwords come from
     */
    public MailProfile(Path directory, MailPasswordOptions passwords) {
        this.directory = directory;
        this.store = SqliteMailStore.open(directory);
        this.passwords = passwords;
        this.transport = new AccountTransport(store, clock);
    }

    AccountTransport transport() {
        return transport;
    }

    /** @return the profile's store */
    public SqliteMailStore store() {
        return store;
    }

    AccountTrustRepository trust() {
        return transport.trust();
    }

    SqliteAccountStatusStore status() {
        return transport.status();
    }

    SqliteOutboxQueue outbox() {
        return transport.outbox();
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
        return transport.mailAccount(account);
    }

    static ServerEndpoint endpoint(ServerSettings settings) {
        return AccountTransport.endpoint(settings);
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
        return transport.connector(account, credentials(account, ServerRole.IMAP));
    }

    ImapMailSync sync(Account account) {
        return transport.sync(connector(account));
    }

    OutboxSender sender(Account account, ImapMailSync sync) {
        return transport.sender(account, credentials(account, ServerRole.SMTP), sync);
    }

    /** Closes the store. */
    @Override
    public void close() {
        store.close();
    }
}
