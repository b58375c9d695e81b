package org.sealmail.app.ui;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.mailstore.StoreException;
import org.sealmail.app.ui.task.FxThreadCheck;

/**
 * The JavaFX application: installs the {@link RemoteContentGate} before any WebView exists,
 * then opens the main window over the services the launcher prepared (opened while the toolkit
 * started); when the store could not be opened it shows why in a dialog instead.
 */
public final class SealmailApplication extends Application {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SealmailApplication.class);

    private static volatile CompletableFuture<UiServices> preparedServices;
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
        prepare(CompletableFuture.completedFuture(services), hook);
    }

    /**
     * Sets services still being opened (the store opens while the toolkit starts) and a hook.
     *
     * @param services completes with the service ports, or with the store's failure
     * @param hook what to do once the main window shows (on the JavaFX thread)
     */
    static void prepare(CompletableFuture<UiServices> services, StartHook hook) {
        preparedServices = services;
        preparedHook = hook;
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
        CompletableFuture<UiServices> opening = preparedServices;
        if (opening == null) {
            throw new IllegalStateException("SealmailApplication started without services; use GuiLauncher");
        }
        UiText text = UiText.forLocale(Locale.getDefault());
        UiServices prepared;
        try {
            prepared = opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException problem) {
                // the launcher prints it and exits with its code once the toolkit ends
                StartupProblemDialog.alert(problem, text).showAndWait();
                Platform.exit();
                return;
            }
            throw e;
        }
        executor = new FxTaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        UiServices services = prepared.guarded();
        java.util.function.Consumer<String> browser = url -> getHostServices().showDocument(url);
        DesktopClient client = new DesktopClient(services, executor, text, Clock.systemDefaultZone(), browser);
        preparedSentItemRights.ifPresent(rights -> client.enableSentItemRights(FxThreadCheck.guard(
                org.sealmail.app.ui.rights.SentItemRights.class, rights)));
        client.showMainWindow(stage);
        LOG.info("main window shown {} ms after JVM start", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        preparedHook.mainWindowShown(new StartHook.Context(stage, client, executor, text, browser));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
