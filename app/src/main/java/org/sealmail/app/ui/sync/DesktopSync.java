package org.sealmail.app.ui.sync;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.smtp.OutboxRun;

/**
 * The background synchronization of every account of a profile: one {@link AccountSyncLoop} per
 * account with servers (started by {@link #start()}, or when an account first asks), the status
 * listeners of the status bar, and immediate outbox runs for the composer. Nothing here runs on
 * the JavaFX thread.
 */
public final class DesktopSync implements AutoCloseable {

    private final SqliteMailStore store;
    private final AccountTransport transport;
    private final SecretStore secrets;
    private final Map<Long, AccountSyncLoop> loops = new ConcurrentHashMap<>();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param store the profile's store
     * @param transport the accounts' transport side
     * @param secrets where the account passwords are
     */
    public DesktopSync(SqliteMailStore store, AccountTransport transport, SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Starts synchronizing every account that has servers (reads the store: call in the background). */
    public void start() {
        for (Account account : store.accounts().list()) {
            if (account.imap() != null && account.smtp() != null) {
                loop(account.id());
            }
        }
    }

    /**
     * Asks for a run of one account now; progress and failures arrive through the listeners.
     *
     * @param accountId the account
     * @throws NoSuchElementException when there is no such account
     */
    public void synchronize(long accountId) {
        loop(accountId).requestRun();
    }

    /**
     * Sends the account's outbox now, on the calling thread.
     *
     * @param accountId the account
     * @return what happened to the queued messages
     * @throws org.sealmail.mailstore.server.MailServerException when the server cannot be reached or refuses
     */
    public OutboxRun sendNow(long accountId) {
        return loop(accountId).sendNow();
    }

    /**
     * The raw message for the reader: from the store, or downloaded from its server folder when
     * only its envelope was synchronized (on the calling thread).
     *
     * @param messageId the stored message
     * @return its RFC 5322 bytes
     * @throws NoSuchElementException when the message is gone or is a local message without a body
     */
    public byte[] raw(long messageId) {
        Optional<byte[]> stored = store.messages().raw(messageId);
        if (stored.isPresent()) {
            return stored.get();
        }
        StoredMessage message = store.messages().find(messageId)
                .orElseThrow(() -> new NoSuchElementException("message " + messageId + " is no longer in the store"));
        Folder folder = store.folders().find(message.folderId())
                .orElseThrow(() -> new NoSuchElementException("the folder of message " + messageId + " is gone"));
        if (folder.accountId() == null || message.uid() == null) {
            throw new NoSuchElementException("message " + messageId + " has no stored body");
        }
        return loop(folder.accountId()).body(folder.name(), message.uid());
    }

    private AccountSyncLoop loop(long accountId) {
        if (closed) {
            throw new IllegalStateException("the client is closing");
        }
        return loops.computeIfAbsent(accountId, id -> {
            Account account = store.accounts().find(id)
                    .orElseThrow(() -> new NoSuchElementException("no account with id " + id));
            AccountSyncLoop loop = new AccountSyncLoop(account, transport, secrets, this::publish);
            loop.start();
            return loop;
        });
    }

    private void publish(SyncStatus status) {
        listeners.forEach(listener -> listener.accept(status));
    }

    /**
     * @param listener called on a background thread whenever an account's status changes
     */
    public void addStatusListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops every account's synchronization and closes its connections. */
    @Override
    public void close() {
        closed = true;
        loops.values().forEach(AccountSyncLoop::close);
        loops.clear();
    }
}
