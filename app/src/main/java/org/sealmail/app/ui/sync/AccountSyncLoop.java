package org.sealmail.app.ui.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.ui.mailbox.ConnectionState;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.imap.Backoff;
import org.sealmail.mailstore.imap.FolderInfo;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.imap.ImapIdleWatcher;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.SyncTrigger;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.smtp.OutboxRun;
import org.sealmail.mailstore.smtp.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one account in step with its server, off the JavaFX thread: each run sends the outbox,
 * mirrors the folder list and synchronizes every folder ({@link ImapMailSync}: QRESYNC/CONDSTORE
 * when offered); after the first good run an {@link ImapIdleWatcher} on INBOX asks for a run on
 * every change (IDLE, or NOOP polling without it), and a periodic run catches the other folders.
 * A failed run is retried with exponential {@link Backoff} when retrying can help; a rejected login
 * or an untrusted certificate stops until the user asks again. Every state change is published as
 * a {@link SyncStatus}.
 */
final class AccountSyncLoop implements AutoCloseable {

    /** Time between full runs while connected. */
    static final Duration PERIODIC = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(AccountSyncLoop.class);

    private final Account account;
    private final AccountTransport transport;
    private final SecretStore secrets;
    private final Consumer<SyncStatus> publish;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));
    private final SyncTrigger trigger;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private ImapConnector connector;
    private ImapMailSync sync;
    private OutboxSender sender;
    private ImapIdleWatcher watcher;
    private volatile boolean closed;

    AccountSyncLoop(Account account, AccountTransport transport, SecretStore secrets, Consumer<SyncStatus> publish) {
        this.account = Objects.requireNonNull(account, "account");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.trigger = new SyncTrigger("sync-account-" + account.id(), this::runOnce);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-timer-account-" + account.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the first run and the periodic runs. */
    void start() {
        trigger.run();
        timer.scheduleWithFixedDelay(trigger, PERIODIC.toSeconds(), PERIODIC.toSeconds(), TimeUnit.SECONDS);
    }

    /** Asks for a run now (coalesced with one already pending). */
    void requestRun() {
        trigger.run();
    }

    /**
     * Sends what the account's outbox holds, on the calling thread (never the JavaFX thread).
     *
     * @return what happened to the queued messages
     * @throws MailServerException when the server cannot be reached or refuses the login
     * @throws IllegalArgumentException when no password is stored for the account
     */
    OutboxRun sendNow() {
        synchronized (lock) {
            return engines().sendPending();
        }
    }

    /**
     * Downloads a message body on the calling thread (bodies are fetched when opened).
     *
     * @param folderName the server folder
     * @param uid the message's UID
     * @return the RFC 5322 bytes, now also in the store
     */
    byte[] body(String folderName, long uid) {
        synchronized (lock) {
            engines();
            return sync.body(folderName, uid);
        }
    }

    private OutboxSender engines() {
        if (sync == null) {
            connector = transport.connector(account, AccountTransport.storedCredentials(account, ServerRole.IMAP, secrets));
            sync = transport.sync(connector);
            sender = transport.sender(account, AccountTransport.storedCredentials(account, ServerRole.SMTP, secrets), sync);
        }
        return sender;
    }

    private void runOnce() {
        if (closed) {
            return;
        }
        Optional<String> tls = Optional.of(tlsDescription());
        try {
            publish.accept(new SyncStatus(account.id(), ConnectionState.CONNECTING, Optional.empty(), 0, 0, ""));
            String outboxErrors;
            synchronized (lock) {
                OutboxRun sent = engines().sendPending();
                outboxErrors = String.join("; ", sent.errors());
                if (!sent.errors().isEmpty()) {
                    LOG.info("account {}: outbox errors {}", account.id(), sent.errors());
                }
                List<FolderInfo> folders = sync.syncFolderList();
                int done = 0;
                publish.accept(new SyncStatus(account.id(), ConnectionState.SYNCHRONIZING, tls, done, folders.size(), ""));
                for (FolderInfo folder : folders) {
                    if (closed) {
                        return;
                    }
                    if (folder.selectable()) {
                        sync.syncFolder(folder.name());
                    }
                    done++;
                    publish.accept(new SyncStatus(account.id(), ConnectionState.SYNCHRONIZING, tls, done, folders.size(), ""));
                }
            }
            backoff.reset();
            publish.accept(new SyncStatus(account.id(), ConnectionState.CONNECTED, tls, 0, 0, outboxErrors));
            watchInbox();
        } catch (MailServerException e) {
            fail(e.getMessage(), e.failure().retryable());
        } catch (RuntimeException e) {
            LOG.debug("sync of account {} failed", account.id(), e);
            fail(String.valueOf(e.getMessage()), false);
        }
    }

    private void fail(String reason, boolean retry) {
        publish.accept(new SyncStatus(account.id(), ConnectionState.FAILED, Optional.empty(), 0, 0, reason));
        if (retry && !closed) {
            Duration delay = backoff.nextDelay();
            LOG.info("sync of account {} failed ({}); retrying in {} s", account.id(), reason, delay.toSeconds());
            timer.schedule(trigger, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watchInbox() {
        synchronized (lock) {
            if (watcher == null && !closed) {
                watcher = new ImapIdleWatcher(connector, "INBOX", trigger, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)),
                        Duration.ofMinutes(2));
                watcher.start();
            }
        }
    }

    /** The transport only connects with TLS 1.2 or 1.3 and a verified certificate: say which mode, to which host. */
    private String tlsDescription() {
        boolean implicit = AccountTransport.endpoint(account.imap()).security()
                == org.sealmail.mailstore.server.ConnectionSecurity.IMPLICIT_TLS;
        return "1.2+ (" + (implicit ? "implicit TLS" : "STARTTLS") + "), " + account.imap().host() + ":" + account.imap().port();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        trigger.close();
        synchronized (lock) {
            if (watcher != null) {
                watcher.close();
            }
            if (sync != null) {
                try {
                    sync.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing the sync of account {}", account.id(), e);
                }
            }
        }
    }
}
