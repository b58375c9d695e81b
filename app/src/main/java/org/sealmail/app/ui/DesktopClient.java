package org.sealmail.app.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealmail.app.ui.compose.ComposeViewModel;
import org.sealmail.app.ui.compose.ComposeWindow;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.main.MainViewModel;
import org.sealmail.app.ui.main.MainWindow;
import org.sealmail.app.ui.main.MainWindowActions;
import org.sealmail.app.ui.reader.AttachmentViewerWindow;
import org.sealmail.app.ui.reader.ComposeRequests;
import org.sealmail.app.ui.reader.FileChooserAttachmentSaver;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.PrinterJobPrinting;
import org.sealmail.app.ui.reader.ReaderView;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.SystemClipboardWriter;
import org.sealmail.app.ui.rules.RulesEditorViewModel;
import org.sealmail.app.ui.rules.RulesEditorWindow;
import org.sealmail.app.ui.rules.RulesStatus;
import org.sealmail.app.ui.settings.SettingsViewModel;
import org.sealmail.app.ui.settings.SettingsWindow;
import org.sealmail.app.ui.settings.UiPreferences;
import org.sealmail.app.ui.setup.AccountSetupViewModel;
import org.sealmail.app.ui.setup.AccountSetupWizard;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The desktop client's composition of windows: builds the view-models and views over the
 * {@link UiServices}, opens the main window, composers, settings and the setup wizard, and
 * applies theme and preferences to all of them.
 */
public final class DesktopClient implements ComposeRequests {

    private final UiServices services;
    private final TaskExecutor executor;
    private final UiText text;
    private final ZoneId zone;
    private final Consumer<String> browser;
    private final AtomicReference<UiPreferences> preferences = new AtomicReference<>(UiPreferences.DEFAULTS);
    private final SettingsViewModel settings;
    private final ReaderViewModel reader;
    private final ReaderView readerView;
    private final MainViewModel main;
    private final MainWindow mainWindow;
    private Stage mainStage;

    /**
     * @param services the service ports (the caller guards them, see {@link UiServices#guarded()})
     * @param executor runs background work
     * @param text the UI strings
     * @param clock the clock (expiry wording)
     * @param browser opens a URL outside Sealmail (after the user confirmed)
     */
    public DesktopClient(UiServices services, TaskExecutor executor, UiText text, Clock clock, Consumer<String> browser) {
        this(services, executor, text, clock, browser, null);
    }

    /**
     * @param services the service ports (the caller guards them, see {@link UiServices#guarded()})
     * @param executor runs background work
     * @param text the UI strings
     * @param clock the clock (expiry wording)
     * @param browser opens a URL outside Sealmail (after the user confirmed)
     * @param printing starts printer jobs, or null for the system's printers ({@link PrinterJobPrinting})
     */
    public DesktopClient(UiServices services, TaskExecutor executor, UiText text, Clock clock, Consumer<String> browser,
            org.sealmail.app.ui.reader.Printing printing) {
        this.services = Objects.requireNonNull(services, "services");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
        this.zone = clock.getZone();
        this.browser = Objects.requireNonNull(browser, "browser");
        this.settings = new SettingsViewModel(services.keyRing(), services.preferences(), executor, text);
        ReaderViewModel.Outlets outlets = new ReaderViewModel.Outlets(new SystemClipboardWriter(),
                printing != null ? printing : new PrinterJobPrinting(this::owner),
                new FileChooserAttachmentSaver(this::owner, executor, this::showError), this);
        this.reader = new ReaderViewModel(services.opener(), executor, outlets, text, clock,
                () -> preferences.get().remoteContent());
        this.readerView = new ReaderView(reader, text, zone);
        AttachmentViewerWindow attachmentViewer = new AttachmentViewerWindow(text, reader);
        readerView.setAttachmentOpener(attachment -> attachmentViewer.show(attachment, owner()));
        readerView.setLinkOpener(this::confirmLink);
        this.main = new MainViewModel(services.mailbox(), executor, reader, text);
        this.mainWindow = new MainWindow(main, readerView, text, zone, new MainWindowActions(this::newMessage,
                this::openAccountSetup, this::openSettings, this::applyTheme, this::about, this::quit,
                this::openProtectionRules));
        settings.preferencesProperty().addListener((obs, old, changed) -> applyPreferences(changed));
    }

    /**
     * Adds "Rights and access log…" to the message list's context menu: for a sent message protected with
     * online licensing, its status and access log, Revoke and Change expiry (docs/rights-server-api.md §7).
     *
     * @param rights the sender's actions (guarded against the JavaFX thread)
     */
    public void enableSentItemRights(org.sealmail.app.ui.rights.SentItemRights rights) {
        mainWindow.setMessageAction(text.get("main.message.rights"), header -> new org.sealmail.app.ui.rights
                .SentItemRightsDialog(new org.sealmail.app.ui.rights.SentItemRightsViewModel(rights, executor, text), text)
                .show(owner(), header.id()));
    }

    /**
     * Shows the main window on a stage and loads accounts and preferences in the background.
     *
     * @param stage the primary stage
     * @return the stage
     */
    public Stage showMainWindow(Stage stage) {
        this.mainStage = stage;
        Scene scene = new Scene(mainWindow.root());
        preferences.get().theme().applyTo(scene);
        stage.setScene(scene);
        stage.setTitle(text.get("app.title"));
        stage.show();
        main.refreshAccounts();
        TaskBuilder.create(services.preferences()::load).named("load preferences")
                .onSuccess(loaded -> settings.preferencesProperty().set(loaded))
                .onAnyError(this::showError).runOn(executor);
        TaskBuilder.create(services.rules()::status).named("protection rules status")
                .onSuccess(this::showRulesStatus)
                .onAnyError(this::showError).runOn(executor);
        return stage;
    }

    /** Says in the main window when the protection rules were rejected (and whether sending is held). */
    private void showRulesStatus(RulesStatus status) {
        if (status.problems().isEmpty()) {
            mainWindow.setRulesWarning("");
            return;
        }
        String problems = status.problems().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; "));
        mainWindow.setRulesWarning(text.get(status.sendingHeld() ? "main.rules.held" : "main.rules.rejected", problems));
    }

    /** Opens the protection rules editor; a save updates the main window's rules banner. */
    public RulesEditorWindow openProtectionRules() {
        RulesEditorViewModel model = new RulesEditorViewModel(services.rules(), executor, text);
        model.rulesStatusProperty().addListener((obs, old, status) -> {
            if (status != null) {
                showRulesStatus(status);
            }
        });
        RulesEditorWindow window = new RulesEditorWindow(model, text);
        window.show(owner(), preferences.get().theme());
        return window;
    }

    private void applyPreferences(UiPreferences changed) {
        UiPreferences previous = preferences.getAndSet(changed);
        if (previous.theme() != changed.theme()) {
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    changed.theme().applyTo(window.getScene());
                }
            }
            readerView.setDarkDocuments(changed.theme() == Theme.DARK);
        }
    }

    private void applyTheme(Theme theme) {
        settings.setTheme(theme);
    }

    /** @return the main view-model */
    public MainViewModel mainModel() {
        return main;
    }

    /** @return the main window */
    public MainWindow mainWindow() {
        return mainWindow;
    }

    /** @return the settings' view-model */
    public SettingsViewModel settingsModel() {
        return settings;
    }

    /** @return the reader's view-model */
    public ReaderViewModel readerModel() {
        return reader;
    }

    /** @return the reader pane */
    public ReaderView readerView() {
        return readerView;
    }

    private Window owner() {
        return mainStage;
    }

    /** Opens an empty composer with the default protection of the settings. */
    public ComposeWindow newMessage() {
        return showComposer(defaultComposeModel());
    }

    /**
     * Opens a composer with the default protection, addressed and filled as a {@code mailto:} link
     * asked (RFC 6068; what the desktop's mail handler passes).
     *
     * @param to To addresses
     * @param cc Cc addresses
     * @param bcc Bcc addresses
     * @param subject the subject
     * @param body the body text
     * @return the composer
     */
    public ComposeWindow newMessage(List<String> to, List<String> cc, List<String> bcc, String subject, String body) {
        ComposeViewModel model = defaultComposeModel();
        model.toProperty().set(String.join(", ", to));
        model.ccProperty().set(String.join(", ", cc));
        model.bccProperty().set(String.join(", ", bcc));
        model.subjectProperty().set(subject);
        model.bodyProperty().set(body);
        return showComposer(model);
    }

    private ComposeViewModel defaultComposeModel() {
        ComposeViewModel model = composeModel();
        switch (preferences.get().defaultProtection()) {
            case ENCRYPT -> model.encryptProperty().set(true);
            case DO_NOT_FORWARD -> model.doNotForwardProperty().set(true);
            case SMIME_SIGN -> model.signProperty().set(true);
            case SMIME_SIGN_AND_ENCRYPT -> {
                model.signProperty().set(true);
                model.smimeEncryptProperty().set(true);
            }
            case NONE -> { }
            default -> throw new IllegalStateException("unknown default protection");
        }
        return model;
    }

    @Override
    public void reply(OpenedMessage original, boolean all) {
        ComposeViewModel model = composeModel();
        model.prefillReply(original, all, sendingAccount().map(AccountSummary::address).orElse(""));
        showComposer(model);
    }

    @Override
    public void forward(OpenedMessage original) {
        ComposeViewModel model = composeModel();
        model.prefillForward(original);
        showComposer(model);
    }

    private ComposeViewModel composeModel() {
        long accountId = sendingAccount().map(AccountSummary::id).orElse(0L);
        return new ComposeViewModel(accountId, services.recipients(), services.outbox(), services.drafts(),
                services.templates(), executor, text);
    }

    private ComposeWindow showComposer(ComposeViewModel model) {
        ComposeWindow window = new ComposeWindow(model, text, sendingAccount().map(AccountSummary::address).orElse(""));
        window.show(owner(), preferences.get().theme());
        return window;
    }

    private Optional<AccountSummary> sendingAccount() {
        FolderSummary folder = main.selectedFolderProperty().get();
        long local = org.sealmail.app.ui.store.StoreMailbox.LOCAL_FOLDERS;
        return main.accounts().stream().filter(a -> a.id() != local)
                .filter(a -> folder == null || folder.accountId() == local || a.id() == folder.accountId()).findFirst();
    }

    /** Opens the settings window. */
    public SettingsWindow openSettings() {
        SettingsWindow window = new SettingsWindow(settings, text, zone);
        window.show(owner(), preferences.get().theme());
        return window;
    }

    /** Opens the account setup wizard. */
    public AccountSetupWizard openAccountSetup() {
        AccountSetupWizard wizard = new AccountSetupWizard(new AccountSetupViewModel(services.accountSetup(), executor, text), text);
        wizard.setOnDone(main::refreshAccounts);
        wizard.show(owner(), preferences.get().theme());
        return wizard;
    }

    private void confirmLink(String url) {
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text.get("app.link.confirm", url), ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner());
        alert.setHeaderText(text.get("app.link.title"));
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> browser.accept(url));
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.get("app.about.text"), ButtonType.OK);
        alert.initOwner(owner());
        alert.setHeaderText(text.get("app.title"));
        alert.showAndWait();
    }

    private void quit() {
        if (mainStage != null) {
            mainStage.close();
        }
    }

    private void showError(Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text.get("app.error", String.valueOf(failure.getMessage())), ButtonType.OK);
        alert.initOwner(owner());
        alert.show();
    }

    /** @return the remote content policy in force */
    public RemoteContentPolicy remoteContentPolicy() {
        return preferences.get().remoteContent();
    }
}
