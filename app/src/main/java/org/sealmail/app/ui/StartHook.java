package org.sealmail.app.ui;

import java.util.function.Consumer;
import javafx.stage.Stage;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * Something to do once the main window shows, on the JavaFX application thread (the demo puts up
 * its banner and seeds mail in the background; a first start offers the demo). Long work goes to
 * the executor so the window stays responsive.
 */
@FunctionalInterface
public interface StartHook {

    /** Does nothing. */
    StartHook NONE = context -> { };

    /**
     * The window that just showed and what comes with it.
     *
     * @param stage the main stage
     * @param client the desktop client showing in it
     * @param services the service ports the client runs on (guarded against the JavaFX thread)
     * @param executor the client's background executor
     * @param text the UI strings
     * @param browser opens a URL outside Sealmail
     */
    record Context(Stage stage, DesktopClient client, UiServices services, TaskExecutor executor, UiText text, Consumer<String> browser) {
    }

    /**
     * Called once, right after the main window showed.
     *
     * @param context the window and its collaborators
     */
    void mainWindowShown(Context context);
}
