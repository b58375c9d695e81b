package org.sealmail.app.ui;

import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.sealmail.app.ui.html.RemoteContentGate;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.task.FxTaskExecutor;
import org.sealmail.app.ui.task.FxThreadCheck;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.unlock.UnlockViewModel;
import org.sealmail.app.ui.unlock.UnlockWindow;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * The JavaFX application: installs the {@link RemoteContentGate} before any WebView exists, opens
 * the profile's secrets (the OS keyring, or the password file after asking its master password
 * in an {@link UnlockWindow}), starts the services over them in the background and then shows
 * the main window.
 */
public final class SealmailApplication extends Application {

    private static volatile DesktopServices preparedServices;

    private FxTaskExecutor executor;
    private UiText text;

    /**
     * Sets the services the next launch uses (JavaFX instantiates the application itself).
     *
     * @param services the opened store (opened off the JavaFX thread by the launcher)
     */
    static void prepare(DesktopServices services) {
        preparedServices = services;
    }

    @Override
    public void init() {
        RemoteContentGate.install();
    }

    @Override
    public void start(Stage stage) {
        DesktopServices prepared = preparedServices;
        if (prepared == null) {
            throw new IllegalStateException("SealmailApplication started without services; use GuiLauncher");
        }
        executor = new FxTaskExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        text = UiText.forLocale(Locale.getDefault());
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
                    DesktopClient client = new DesktopClient(services.guarded(), executor, text,
                            Clock.systemDefaultZone(), url -> getHostServices().showDocument(url));
                    prepared.sentItemRights().ifPresent(rights -> client.enableSentItemRights(FxThreadCheck.guard(
                            org.sealmail.app.ui.rights.SentItemRights.class, rights)));
                    client.showMainWindow(stage);
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
