package org.sealmail.app.ui.task;

import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskExecutor} for view-model tests: runs each task at once on the calling thread and
 * then calls its success or failure handler there. Needs no JavaFX toolkit.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SameThreadTaskExecutor.class);

    @Override
    public <V> Task<V> execute(Task<V> task) {
        if (task instanceof BackgroundTask<V> background) {
            background.runHere();
        } else {
            task.run();
            LOG.debug("ran plain task {} on the calling thread", task);
        }
        return task;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
