package org.sealmail.app.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI starts background work:
 * {@code TaskBuilder.create(work).onSuccess(...).onError(Type.class, ...).andFinally(...).runOn(executor)}.
 * The work runs off the JavaFX application thread; the handlers run on it. An error without a
 * matching handler goes to the fallback handler (by default: logged).
 *
 * @param <V> the result type
 */
public final class TaskBuilder<V> {

    private static final Logger LOG = LoggerFactory.getLogger(TaskBuilder.class);

    /**
     * An error handler for one exception type.
     *
     * @param type the exception type it handles (subtypes included)
     * @param handler what to do
     * @param <E> the exception type
     */
    record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
    }

    private final BackgroundWork<V> work;
    private String title = "task";
    private Consumer<V> onSuccess = value -> { };
    private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private Consumer<Throwable> fallback = error -> LOG.error("unhandled background failure", error);
    private Runnable andFinally = () -> { };
    private Consumer<Progress> onProgress = progress -> { };

    private TaskBuilder(BackgroundWork<V> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * @param work the background work
     * @param <V> the result type
     * @return a builder
     */
    public static <V> TaskBuilder<V> create(Callable<V> work) {
        Objects.requireNonNull(work, "work");
        return new TaskBuilder<>(progress -> work.call());
    }

    /**
     * @param work background work that reports progress
     * @param <V> the result type
     * @return a builder
     */
    public static <V> TaskBuilder<V> createWithProgress(BackgroundWork<V> work) {
        return new TaskBuilder<>(work);
    }

    /**
     * @param name a short name, used in logs when the task fails
     * @return this builder
     */
    public TaskBuilder<V> named(String name) {
        this.title = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * @param handler called with the result on the UI thread
     * @return this builder
     */
    public TaskBuilder<V> onSuccess(Consumer<V> handler) {
        this.onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Handles failures of one type; the first matching registration wins.
     *
     * @param type the exception type
     * @param handler called on the UI thread
     * @param <E> the exception type
     * @return this builder
     */
    public <E extends Throwable> TaskBuilder<V> onError(Class<E> type, Consumer<? super E> handler) {
        errorHandlers.add(new ErrorHandler<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /**
     * Handles every failure that no typed handler took (the default logs it).
     *
     * @param handler called on the UI thread
     * @return this builder
     */
    public TaskBuilder<V> onAnyError(Consumer<Throwable> handler) {
        Consumer<Throwable> handlerNotNull = Objects.requireNonNull(handler, "handler");
        this.fallback = error -> {
            LOG.warn("background task {} failed", title, error);
            handlerNotNull.accept(error);
        };
        return this;
    }

    /**
     * @param handler called on the UI thread with each progress report
     * @return this builder
     */
    public TaskBuilder<V> onProgress(Consumer<Progress> handler) {
        this.onProgress = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * @param action runs on the UI thread after success, failure or cancellation
     * @return this builder
     */
    public TaskBuilder<V> andFinally(Runnable action) {
        this.andFinally = Objects.requireNonNull(action, "action");
        return this;
    }

    /** @return the task, not started */
    public BackgroundTask<V> build() {
        return new BackgroundTask<>(title, work, onSuccess, errorHandlers, fallback, andFinally, onProgress);
    }

    /**
     * Builds the task and starts it.
     *
     * @param executor where to run it
     * @return the started task
     */
    public Task<V> runOn(TaskExecutor executor) {
        return executor.execute(build());
    }
}
