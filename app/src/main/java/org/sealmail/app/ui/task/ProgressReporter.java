package org.sealmail.app.ui.task;

/** Lets background work report {@link Progress}; safe to call from the worker thread. */
@FunctionalInterface
public interface ProgressReporter {

    /**
     * @param progress the current progress
     */
    void report(Progress progress);
}
