package org.sealmail.mailstore.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageChangedEvent;
import jakarta.mail.event.MessageChangedListener;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.server.MailExceptionTranslator;
import org.sealmail.mailstore.server.MailServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push for one folder: IMAP IDLE (RFC 2177) on a dedicated connection. On EXISTS, EXPUNGE or
 * FETCH (flag) notifications, and after every (re)connect, it calls the change handler (which
 * typically triggers a folder sync on another thread). IDLE is re-issued every
 * {@link #REISSUE_INTERVAL} (the RFC asks for less than 29 minutes). A lost connection is
 * re-established with exponential {@link Backoff}; a rejected login or an untrusted certificate
 * stops the watcher (no retry storm). Servers without IDLE are polled with NOOP.
 */
public final class ImapIdleWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapIdleWatcher.class);

    /** How often a running IDLE is ended and restarted. */
    public static final Duration REISSUE_INTERVAL = Duration.ofMinutes(9);
    /** Socket read timeout of the IDLE connection; longer than the reissue interval. */
    static final Duration IDLE_READ_TIMEOUT = Duration.ofMinutes(12);

    private final ImapConnector connector;
    private final String folderName;
    private final Runnable onChange;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final ScheduledExecutorService keepalive;
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean running;
    private volatile IMAPStore current;
    private volatile MailServerException stoppedBy;
    private Thread thread;

    /**
     * @param connector opens the dedicated connection
     * @param folderName the folder to watch (usually INBOX)
     * @param onChange called on every change notification and after each (re)connect; must return quickly
     * @param backoff delays between reconnects
     * @param pollInterval NOOP interval when the server has no IDLE
     */
    public ImapIdleWatcher(ImapConnector connector, String folderName, Runnable onChange, Backoff backoff,
            Duration pollInterval) {
        this.connector = connector;
        this.folderName = folderName;
        this.onChange = onChange;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imap-idle-keepalive-" + folderName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching on a daemon thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "imap-idle-" + connector.account().email() + "-" + folderName);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return how many connections the watcher has opened successfully so far */
    public int connects() {
        return connects.get();
    }

    /** @return the failure that stopped the watcher for good (login rejected, certificate refused), or null */
    public MailServerException stoppedBy() {
        return stoppedBy;
    }

    /** @return whether the watch loop is still running */
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            IMAPStore store = null;
            try {
                store = connector.connect(IDLE_READ_TIMEOUT);
                current = store;
                watch(store);
            } catch (MailServerException e) {
                if (!e.failure().retryable()) {
                    LOG.warn("IDLE on {} stopped: {}", folderName, e.getMessage());
                    stoppedBy = e;
                    running = false;
                } else if (running) {
                    LOG.info("IDLE on {} lost its connection: {}", folderName, e.getMessage());
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    LOG.info("IDLE on {} lost its connection: {}", folderName,
                            MailExceptionTranslator.translate("IDLE", connector.account().imap(), e).getMessage());
                }
            } finally {
                current = null;
                closeQuietly(store);
            }
            if (running) {
                Duration delay = backoff.nextDelay();
                LOG.debug("reconnecting IDLE on {} in {}", folderName, delay);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void watch(IMAPStore store) throws MessagingException {
        ImapCapabilities capabilities = connector.capabilities(store);
        IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        folder.addMessageCountListener(new MessageCountListener() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                changed("EXISTS");
            }

            @Override
            public void messagesRemoved(MessageCountEvent e) {
                changed("EXPUNGE");
            }
        });
        folder.addMessageChangedListener((MessageChangedListener) (MessageChangedEvent e) -> changed("FETCH"));
        connects.incrementAndGet();
        backoff.reset();
        changed("connected");   // catch up with whatever happened while we were away
        if (capabilities.idle()) {
            ScheduledFuture<?> reissue = keepalive.scheduleAtFixedRate(() -> endIdle(folder),
                    REISSUE_INTERVAL.toMillis(), REISSUE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            try {
                while (running && folder.isOpen()) {
                    folder.idle();
                }
            } finally {
                reissue.cancel(false);
            }
        } else {
            while (running && folder.isOpen()) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                folder.getMessageCount();   // NOOP; EXISTS/EXPUNGE/FETCH responses fire the listeners
            }
        }
    }

    /** Ends the current IDLE with DONE by running a NOOP on the folder (Jakarta Mail aborts IDLE for it). */
    private static void endIdle(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("IDLE keepalive failed", e);
        }
    }

    private void changed(String why) {
        LOG.debug("{} changed ({})", folderName, why);
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warn("change handler failed", e);
        }
    }

    /** Stops watching and closes the connection; waits up to 5 s for the thread. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        keepalive.shutdownNow();
        closeQuietly(current);
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing IDLE connection failed", e);
            }
        }
    }
}
