package org.sealmail.mailstore.imap;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.server.MailSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of logged-in IMAP connections for one account (servers limit connections per
 * user; Dovecot's default is 10 per IP). A lease gives one connection exclusively; closing the
 * lease returns it, {@link Lease#invalidate()} drops a broken one. IDLE uses its own connection
 * outside the pool.
 */
public final class ImapConnectionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapConnectionPool.class);

    private final ImapConnector connector;
    private final int maxConnections;
    private final Duration waitLimit;
    private final Deque<IMAPStore> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    /**
     * @param connector opens connections
     * @param maxConnections at most this many open at once (1..10)
     * @param waitLimit how long {@link #lease()} waits for a free connection
     */
    public ImapConnectionPool(ImapConnector connector, int maxConnections, Duration waitLimit) {
        if (maxConnections < 1 || maxConnections > 10) {
            throw new IllegalArgumentException("maxConnections must be in 1..10");
        }
        this.connector = connector;
        this.maxConnections = maxConnections;
        this.waitLimit = waitLimit;
    }

    /** @return the connector */
    public ImapConnector connector() {
        return connector;
    }

    /**
     * @return a lease on a connected store
     * @throws MailServerException on connection failure, or CONNECTION when none became free in time
     */
    public Lease lease() {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("connection pool closed");
                }
                while (!idle.isEmpty()) {
                    IMAPStore store = idle.pollFirst();
                    if (store.isConnected()) {
                        return new Lease(store);
                    }
                    open--;
                }
                if (open < maxConnections) {
                    open++;
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MailServerException(MailServerFailure.CONNECTION,
                            "no free IMAP connection for " + connector.account().email() + " within " + waitLimit, null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MailServerException(MailServerFailure.CONNECTION, "interrupted waiting for a connection", e);
                }
            }
        }
        try {
            return new Lease(connector.connect(MailSessionFactory.READ_TIMEOUT));
        } catch (RuntimeException e) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw e;
        }
    }

    private synchronized void giveBack(IMAPStore store, boolean broken) {
        if (broken || closed || !store.isConnected()) {
            open--;
            closeQuietly(store);
        } else {
            idle.addFirst(store);
        }
        notifyAll();
    }

    /** @return connections currently open (leased or idle) */
    public synchronized int openConnections() {
        return open;
    }

    /** Closes the idle connections and refuses new leases; leased ones close when returned. */
    @Override
    public synchronized void close() {
        closed = true;
        for (IMAPStore store : idle) {
            closeQuietly(store);
            open--;
        }
        idle.clear();
        notifyAll();
    }

    private static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException e) {
            LOG.debug("closing IMAP connection failed", e);
        }
    }

    /** One connection, held exclusively until closed. */
    public final class Lease implements AutoCloseable {

        private final IMAPStore store;
        private boolean broken;
        private boolean returned;

        private Lease(IMAPStore store) {
            this.store = store;
        }

        /** @return the connected store */
        public IMAPStore store() {
            return store;
        }

        /** Marks the connection broken: it is closed instead of returned. */
        public void invalidate() {
            broken = true;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                giveBack(store, broken);
            }
        }
    }
}
