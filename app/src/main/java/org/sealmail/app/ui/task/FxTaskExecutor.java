package org.sealmail.app.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link TaskExecutor}: a fixed pool of named daemon threads
 * ({@code sealmail-task-1}, ...) that logs every task failure, so no background error is lost
 * even when no {@code onError} handler was registered.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;

    /**
     * @param threads number of worker threads (at least 1)
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public FxTaskExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, new NamedThreads("sealmail-task"));
    }

    @Override
    public <V> Task<V> execute(Task<V> task) {
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.FAILED) {
                LOG.warn("background task {} failed", task, task.getException());
            }
        });
        pool.execute(task);
        return task;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Stops accepting tasks and waits up to five seconds for running ones. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger counter = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("uncaught exception in {}", t.getName(), e));
            return thread;
        }
    }
}
