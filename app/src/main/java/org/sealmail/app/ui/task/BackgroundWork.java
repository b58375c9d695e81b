package org.sealmail.app.ui.task;

/**
 * Work that runs off the JavaFX application thread and may report progress.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface BackgroundWork<V> {

    /**
     * @param progress where to report progress
     * @return the result
     * @throws Exception any failure; it reaches the task's error handler
     */
    V call(ProgressReporter progress) throws Exception;
}
