package org.sealmail.app.ui;

import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.task.FxTaskExecutor;

/**
 * The JavaFX application: installs the {@link RemoteContentGate} before any WebView exists,
 * then opens the main window over the services the launcher prepared.
 */
public final class SealmailApplication extends Application {

    private static volatile UiServices preparedServices;
    private static volatile StartHook preparedHook = StartHook.NONE;

    private FxTaskExecutor executor;

    /**
     * Sets the services the next launch uses (JavaFX instantiates the application itself).
     *
     * @param services the service ports (built off the JavaFX thread by the launcher)
     */
    static void prepare(UiServices services) {
        prepare(services, StartHook.NONE);
    }

    /**
     * Sets the services and a hook run once the main window shows.
     *
     * @param services the service ports
     * @param hook what to do once the main window shows (on the JavaFX thread)
     */
    static void prepare(UiServices services, StartHook hook) {
        preparedServices = services;
        preparedHook = hook;
    }

    @Override
    public void init() {
        RemoteContentGate.install();
    }

    @Override
    public void start(Stage stage) {
        UiServices prepared = preparedServices;
        if (prepared == null) {
            throw new IllegalStateException("SealmailApplication started without services; use GuiLauncher");
        }
        executor = new FxTaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        UiServices services = prepared.guarded();
        UiText text = UiText.forLocale(Locale.getDefault());
        java.util.function.Consumer<String> browser = url -> getHostServices().showDocument(url);
        DesktopClient client = new DesktopClient(services, executor, text, Clock.systemDefaultZone(), browser);
        client.showMainWindow(stage);
        preparedHook.mainWindowShown(new StartHook.Context(stage, client, executor, text, browser));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
