package org.sealmail.mailstore.imap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sync task on its own thread when asked, coalescing requests: a request while a run is
 * pending is absorbed; a request during a run schedules exactly one more run afterwards. So a
 * burst of IDLE notifications costs at most two syncs, and no change is missed.
 */
public final class SyncTrigger implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTrigger.class);

    private final Runnable task;
    private final ExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param name the thread's name
     * @param task the sync to run; its exceptions are logged
     */
    public SyncTrigger(String name, Runnable task) {
        this.task = task;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Requests a run. */
    @Override
    public void run() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("triggered sync failed: {}", e.getMessage());
                    LOG.debug("triggered sync failed", e);
                }
            });
        }
    }

    /** Stops after the current run (waits up to 30 s). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
