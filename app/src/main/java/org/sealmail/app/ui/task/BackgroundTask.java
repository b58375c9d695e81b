package org.sealmail.app.ui.task;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The {@link Task} that {@link TaskBuilder} produces: runs its {@link BackgroundWork} on a worker
 * thread and its handlers on the JavaFX application thread. {@link SameThreadTaskExecutor} runs it
 * with {@link #runHere()} instead, without the JavaFX toolkit.
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> extends Task<V> {

    private final BackgroundWork<V> work;
    private final Consumer<V> onSuccess;
    private final List<TaskBuilder.ErrorHandler<?>> errorHandlers;
    private final Consumer<Throwable> fallbackErrorHandler;
    private final Runnable andFinally;
    private final Consumer<Progress> onProgress;
    private final String name;
    private volatile boolean sameThread;

    BackgroundTask(String title, BackgroundWork<V> work, Consumer<V> onSuccess,
            List<TaskBuilder.ErrorHandler<?>> errorHandlers, Consumer<Throwable> fallbackErrorHandler,
            Runnable andFinally, Consumer<Progress> onProgress) {
        this.work = work;
        this.onSuccess = onSuccess;
        this.errorHandlers = List.copyOf(errorHandlers);
        this.fallbackErrorHandler = fallbackErrorHandler;
        this.andFinally = andFinally;
        this.onProgress = onProgress;
        this.name = title;
    }

    /** @return the task's name, used in logs */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "BackgroundTask[" + name + "]";
    }

    @Override
    protected V call() throws Exception {
        return work.call(this::reportFromWorker);
    }

    @Override
    protected void succeeded() {
        try {
            onSuccess.accept(getValue());
        } finally {
            andFinally.run();
        }
    }

    @Override
    protected void failed() {
        try {
            handleError(getException());
        } finally {
            andFinally.run();
        }
    }

    @Override
    protected void cancelled() {
        andFinally.run();
    }

    /**
     * Runs the work and then the handlers on the calling thread, bypassing the JavaFX task state
     * machine (used by {@link SameThreadTaskExecutor}; needs no toolkit).
     */
    void runHere() {
        sameThread = true;
        V value;
        try {
            value = work.call(onProgress::accept);
        } catch (Exception | Error e) {
            try {
                handleError(e);
            } finally {
                andFinally.run();
            }
            return;
        }
        try {
            onSuccess.accept(value);
        } finally {
            andFinally.run();
        }
    }

    private void reportFromWorker(Progress progress) {
        if (sameThread) {
            onProgress.accept(progress);
            return;
        }
        if (progress.total() > 0) {
            updateProgress(progress.done(), progress.total());
        } else {
            updateProgress(-1, -1);
        }
        updateMessage(progress.message());
        Platform.runLater(() -> onProgress.accept(progress));
    }

    @SuppressWarnings("unchecked")
    private void handleError(Throwable error) {
        for (TaskBuilder.ErrorHandler<?> handler : errorHandlers) {
            if (handler.type().isInstance(error)) {
                ((TaskBuilder.ErrorHandler<Throwable>) handler).handler().accept(error);
                return;
            }
        }
        fallbackErrorHandler.accept(error);
    }
}
