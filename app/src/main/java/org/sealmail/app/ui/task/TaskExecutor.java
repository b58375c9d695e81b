package org.sealmail.app.ui.task;

import javafx.concurrent.Task;

/**
 * Runs background {@link Task}s. The application uses {@link FxTaskExecutor} (a named pool of
 * daemon threads; callbacks on the JavaFX application thread); view-model tests use
 * {@link SameThreadTaskExecutor}, which runs the task at once on the calling thread.
 */
public interface TaskExecutor {

    /**
     * Starts a task. Success and failure handlers registered on the task run on the JavaFX
     * application thread (or, for {@link SameThreadTaskExecutor}, on the calling thread).
     *
     * @param task the task to run
     * @param <V> the task's result type
     * @return the same task, for chaining or cancelling
     */
    <V> Task<V> execute(Task<V> task);

    /**
     * Runs a small piece of work on the thread that owns the view state: the JavaFX application
     * thread for {@link FxTaskExecutor}, the calling thread for {@link SameThreadTaskExecutor}.
     *
     * @param action what to run
     */
    void runOnUiThread(Runnable action);
}
