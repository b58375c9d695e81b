package org.sealmail.app.ui.settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;
import org.sealmail.crypto.CryptoException;

/**
 * The settings' state and commands: own keys and certificates (import .p12, details and
 * fingerprints, keep old keys), trust anchors, default protection and remote content policy.
 */
public final class SettingsViewModel {

    private final KeyRing keyRing;
    private final PreferencesStore preferencesStore;
    private final TaskExecutor executor;
    private final UiText text;

    private final ObservableList<OwnKey> ownKeys = FXCollections.observableArrayList();
    private final ObservableList<CertificateDetails> trustAnchors = FXCollections.observableArrayList();
    private final BooleanProperty keepOldKeys = new SimpleBooleanProperty(this, "keepOldKeys", true);
    private final ObjectProperty<UiPreferences> preferences =
            new SimpleObjectProperty<>(this, "preferences", UiPreferences.DEFAULTS);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean loading;

    /**
     * @param keyRing own keys and trust anchors (called in the background)
     * @param preferencesStore saved preferences (called in the background)
     * @param executor runs background work
     * @param text the UI strings
     */
    public SettingsViewModel(KeyRing keyRing, PreferencesStore preferencesStore, TaskExecutor executor, UiText text) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.preferencesStore = Objects.requireNonNull(preferencesStore, "preferencesStore");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
        keepOldKeys.addListener((obs, old, keep) -> {
            if (!loading) {
                TaskBuilder.create(() -> {
                    keyRing.setKeepOldKeys(keep);
                    return null;
                }).named("keep old keys").onAnyError(this::failed).runOn(executor);
            }
        });
    }

    /** Loads keys, anchors and preferences in the background. */
    public void load() {
        record Loaded(java.util.List<OwnKey> keys, java.util.List<CertificateDetails> anchors, boolean keep,
                UiPreferences preferences) {
        }
        TaskBuilder.create(() -> new Loaded(keyRing.ownKeys(), keyRing.trustAnchors(), keyRing.keepsOldKeys(),
                preferencesStore.load()))
                .named("load settings")
                .onSuccess(loaded -> {
                    loading = true;
                    ownKeys.setAll(loaded.keys());
                    trustAnchors.setAll(loaded.anchors());
                    keepOldKeys.set(loaded.keep());
                    preferences.set(loaded.preferences());
                    loading = false;
                })
                .onAnyError(this::failed)
                .runOn(executor);
    }

    /**
     * Imports a PKCS#12 file in the background; the password array is cleared afterwards.
     *
     * @param file the .p12 file
     * @param password its password
     */
    public void importPkcs12(Path file, char[] password) {
        TaskBuilder.create(() -> {
            try {
                return keyRing.importPkcs12(file, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }).named("import PKCS#12")
                .onSuccess(imported -> {
                    error.set("");
                    message.set(text.get("settings.keys.imported", imported.size(), file.getFileName()));
                    reloadKeys();
                })
                .onError(CryptoException.class, failure -> error.set(text.get("settings.keys.import-failed",
                        file.getFileName(), failure.getMessage())))
                .onAnyError(this::failed)
                .runOn(executor);
    }

    /**
     * Imports trust anchors from a PEM or DER file in the background.
     *
     * @param file the certificate file
     */
    public void importTrustAnchors(Path file) {
        TaskBuilder.create(() -> keyRing.importTrustAnchors(file))
                .named("import trust anchors")
                .onSuccess(imported -> {
                    error.set("");
                    message.set(text.get("settings.anchors.imported", imported.size(), file.getFileName()));
                    reloadKeys();
                })
                .onError(CryptoException.class, failure -> error.set(text.get("settings.anchors.import-failed",
                        file.getFileName(), failure.getMessage())))
                .onAnyError(this::failed)
                .runOn(executor);
    }

    private record KeyLists(java.util.List<OwnKey> keys, java.util.List<CertificateDetails> anchors) {
    }

    private void reloadKeys() {
        TaskBuilder.create(() -> new KeyLists(keyRing.ownKeys(), keyRing.trustAnchors()))
                .named("reload keys")
                .onSuccess(lists -> {
                    ownKeys.setAll(lists.keys());
                    trustAnchors.setAll(lists.anchors());
                })
                .onAnyError(this::failed)
                .runOn(executor);
    }

    /**
     * Changes and saves the preferences in the background.
     *
     * @param changed the new preferences
     */
    public void updatePreferences(UiPreferences changed) {
        preferences.set(Objects.requireNonNull(changed, "changed"));
        TaskBuilder.create(() -> {
            preferencesStore.save(changed);
            return null;
        }).named("save preferences").onAnyError(this::failed).runOn(executor);
    }

    /**
     * @param theme the theme
     */
    public void setTheme(Theme theme) {
        UiPreferences current = preferences.get();
        updatePreferences(new UiPreferences(theme, current.remoteContent(), current.defaultProtection()));
    }

    /**
     * @param policy the remote content policy
     */
    public void setRemoteContent(RemoteContentPolicy policy) {
        UiPreferences current = preferences.get();
        updatePreferences(new UiPreferences(current.theme(), policy, current.defaultProtection()));
    }

    /**
     * @param protection the default protection of new messages
     */
    public void setDefaultProtection(UiPreferences.DefaultProtection protection) {
        UiPreferences current = preferences.get();
        updatePreferences(new UiPreferences(current.theme(), current.remoteContent(), protection));
    }

    private void failed(Throwable failure) {
        error.set(text.get("settings.error", String.valueOf(failure.getMessage())));
    }

    /** @return own keys, current first */
    public ObservableList<OwnKey> ownKeys() {
        return ownKeys;
    }

    /** @return trust anchors */
    public ObservableList<CertificateDetails> trustAnchors() {
        return trustAnchors;
    }

    /** @return whether replaced keys are kept */
    public BooleanProperty keepOldKeysProperty() {
        return keepOldKeys;
    }

    /** @return the preferences */
    public ObjectProperty<UiPreferences> preferencesProperty() {
        return preferences;
    }

    /** @return the last confirmation, localized */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return the last error, localized */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
