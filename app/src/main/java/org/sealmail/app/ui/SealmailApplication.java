package org.sealmail.app.ui;

import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.app.ui.task.FxThreadCheck;

/**
 * The JavaFX application: installs the {@link RemoteContentGate} before any WebView exists,
 * then opens the main window over the services the launcher prepared.
 */
public final class SealmailApplication extends Application {

    private static volatile UiServices preparedServices;

    private FxTaskExecutor executor;

    /**
     * Sets the services the next launch uses (JavaFX instantiates the application itself).
     *
     * @param services the service ports (built off the JavaFX thread by the launcher)
     */
    static void prepare(UiServices services) {
        preparedServices = services;
    }

    private static volatile java.util.Optional<org.sealmail.app.ui.rights.SentItemRights> preparedSentItemRights =
            java.util.Optional.empty();

    /**
     * @param rights the sender's actions on sent messages protected online, when the profile names a rights server
     */
    static void prepareSentItemRights(java.util.Optional<org.sealmail.app.ui.rights.SentItemRights> rights) {
        preparedSentItemRights = rights;
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
        DesktopClient client = new DesktopClient(services, executor, UiText.forLocale(Locale.getDefault()),
                Clock.systemDefaultZone(), url -> getHostServices().showDocument(url));
        preparedSentItemRights.ifPresent(rights -> client.enableSentItemRights(FxThreadCheck.guard(
                org.sealmail.app.ui.rights.SentItemRights.class, rights)));
        client.showMainWindow(stage);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
