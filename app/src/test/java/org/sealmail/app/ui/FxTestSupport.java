package org.sealmail.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.concurrent.Worker;
import org.sealmail.app.ui.html.SandboxedWebView;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting and reading on the JavaFX thread for TestFX tests (never Thread.sleep). */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    /**
     * @param work runs on the JavaFX application thread
     * @param <T> result type
     * @return its result
     */
    public static <T> T onFx(Callable<T> work) {
        try {
            T value = WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return value;
        } catch (Exception e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }

    /**
     * @param action runs on the JavaFX application thread
     */
    public static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits (up to 20 s) until a condition, checked on the JavaFX thread, holds.
     *
     * @param condition the condition
     */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }

    /**
     * @param view a part view
     */
    public static void waitLoaded(SandboxedWebView view) {
        waitUntil(() -> view.loadStateProperty().get() == Worker.State.SUCCEEDED);
    }
}
