package org.sealmail.app.ui;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.mailstore.StoreException;
import org.sealmail.app.ui.task.FxThreadCheck;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.unlock.UnlockViewModel;
import org.sealmail.app.ui.unlock.UnlockWindow;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * The JavaFX application: installs the {@link RemoteContentGate} before any WebView exists, takes
 * the profile's store the launcher opened while the toolkit started (a store that could not be
 * opened is shown in a dialog instead), opens the profile's secrets (the OS keyring, or the
 * password file after asking its master password in an {@link UnlockWindow}), starts the
 * services over them in the background and then shows the main window and runs the start hook.
 */
public final class SealmailApplication extends Application {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SealmailApplication.class);

    private static volatile CompletableFuture<DesktopServices> preparedServices;
    private static volatile StartHook preparedHook = StartHook.NONE;

    private FxTaskExecutor executor;
    private UiText text;

    /**
     * Sets the services the next launch uses (JavaFX instantiates the application itself).
     *
     * @param services the opened store (opened off the JavaFX thread by the launcher)
     */
    static void prepare(DesktopServices services) {
        prepare(CompletableFuture.completedFuture(services), StartHook.NONE);
    }

    /**
     * Sets a store still being opened (it opens while the toolkit starts) and a hook.
     *
     * @param services completes with the opened store, or with its failure
     * @param hook what to do once the main window shows (on the JavaFX thread)
     */
    static void prepare(CompletableFuture<DesktopServices> services, StartHook hook) {
        preparedServices = services;
        preparedHook = hook;
    }

    @Override
    public void init() {
        RemoteContentGate.install();
    }

    @Override
    public void start(Stage stage) {
        CompletableFuture<DesktopServices> opening = preparedServices;
        if (opening == null) {
            throw new IllegalStateException("SealmailApplication started without services; use GuiLauncher");
        }
        text = UiText.forLocale(Locale.getDefault());
        executor = new FxTaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        // the store may still be opening: wait for it off the JavaFX application thread
        TaskBuilder.create(opening::join).named("open the store")
                .onSuccess(prepared -> openSecrets(stage, prepared))
                .onAnyError(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof StoreException problem) {
                        // the launcher prints it and exits with its code once the toolkit ends
                        StartupProblemDialog.alert(problem, text).showAndWait();
                        Platform.exit();
                    } else {
                        fatal(cause);
                    }
                })
                .runOn(executor);
    }

    private void openSecrets(Stage stage, DesktopServices prepared) {
        ProfileSecrets secrets = prepared.secrets();
        TaskBuilder.create(secrets::withoutAsking).named("open secrets")
                .onSuccess(found -> found.ifPresentOrElse(store -> startClient(stage, prepared, store),
                        () -> askMasterPassword(stage, prepared, secrets)))
                .onAnyError(failure -> fatal(failure))
                .runOn(executor);
    }

    private void askMasterPassword(Stage stage, DesktopServices prepared, ProfileSecrets secrets) {
        TaskBuilder.create(secrets::passwordFileExists).named("find password file")
                .onSuccess(exists -> new UnlockWindow(new UnlockViewModel(secrets::unlock, !exists, executor, text,
                        store -> startClient(stage, prepared, store)), text).show(stage, Theme.LIGHT, text.get("app.title")))
                .onAnyError(this::fatal)
                .runOn(executor);
    }

    private void startClient(Stage stage, DesktopServices prepared, SecretStore secrets) {
        TaskBuilder.create(() -> prepared.start(secrets, text)).named("start services")
                .onSuccess(services -> {
                    java.util.function.Consumer<String> browser = url -> getHostServices().showDocument(url);
                    UiServices guarded = services.guarded();
                    DesktopClient client = new DesktopClient(guarded, executor, text, Clock.systemDefaultZone(), browser);
                    prepared.sentItemRights().ifPresent(rights -> client.enableSentItemRights(FxThreadCheck.guard(
                            org.sealmail.app.ui.rights.SentItemRights.class, rights)));
                    client.showMainWindow(stage);
                    LOG.info("main window shown {} ms after JVM start",
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                    preparedHook.mainWindowShown(new StartHook.Context(stage, client, guarded, executor, text, browser));
                    if (!prepared.templateProblems().isEmpty()) {
                        Alert alert = new Alert(Alert.AlertType.WARNING,
                                text.get("app.templates.problems", String.join("\n", prepared.templateProblems())), ButtonType.OK);
                        alert.initOwner(stage);
                        alert.show();
                    }
                })
                .onAnyError(this::fatal)
                .runOn(executor);
    }

    private void fatal(Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text.get("app.start.failed", String.valueOf(failure.getMessage())),
                ButtonType.OK);
        alert.setHeaderText(text.get("app.title"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
