package org.sealmail.app.ui;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.sealmail.mailstore.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows why the desktop client cannot start on its profile (read-only directory, store from a
 * newer Sealmail, not a store) in a dialog, besides the line the command line prints. Starts the
 * toolkit for it when no window is open yet; does nothing when there is no display.
 */
public final class StartupProblemDialog {

    private static final Logger LOG = LoggerFactory.getLogger(StartupProblemDialog.class);

    private StartupProblemDialog() {
    }

    /**
     * @param problem why the store cannot be used
     * @return the bundle key of the dialog's heading for that failure
     */
    static String headingKey(StoreException problem) {
        return switch (problem.failure()) {
            case READ_ONLY -> "app.startup.read-only";
            case SCHEMA_TOO_NEW -> "app.startup.schema-too-new";
            default -> "app.startup.store";
        };
    }

    /**
     * Builds the dialog (call on the JavaFX thread).
     *
     * @param problem why the store cannot be used
     * @param text the UI strings
     * @return an error alert naming the problem in words, with an OK button
     */
    public static Alert alert(StoreException problem, UiText text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem.getMessage(), ButtonType.OK);
        alert.setTitle(text.get("app.title"));
        alert.setHeaderText(text.get(headingKey(problem)));
        return alert;
    }

    /**
     * Shows the dialog and waits until it is closed; returns at once when there is no display or
     * the toolkit cannot start (the console already has the message).
     *
     * @param problem why the store cannot be used
     */
    public static void show(StoreException problem) {
        if (GuiLauncher.displayProblem(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform")).isPresent()) {
            return;
        }
        UiText text = UiText.forLocale(Locale.getDefault());
        CountDownLatch closed = new CountDownLatch(1);
        Runnable showIt = () -> {
            try {
                alert(problem, text).showAndWait();
            } finally {
                closed.countDown();
            }
        };
        try {
            Platform.startup(showIt);
        } catch (IllegalStateException running) {
            Platform.runLater(showIt);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no dialog: the toolkit cannot start", e);
            return;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
