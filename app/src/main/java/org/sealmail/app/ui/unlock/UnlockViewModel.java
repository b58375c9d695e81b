package org.sealmail.app.ui.unlock;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * Asks the master password of the profile's password file (used where there is no OS keyring)
 * and unlocks it in the background (PBKDF2 takes a moment). A wrong password says so and lets the
 * user try again; the first time, the password is typed twice and creates the file.
 */
public final class UnlockViewModel {

    private final Function<char[], SecretStore> unlock;
    private final boolean creating;
    private final TaskExecutor executor;
    private final UiText text;
    private final Consumer<SecretStore> unlocked;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param unlock opens the password file with a master password (called in the background)
     * @param creating whether there is no password file yet (the password is confirmed)
     * @param executor runs background work
     * @param text the UI strings
     * @param unlocked receives the opened secret store (on the JavaFX thread)
     */
    public UnlockViewModel(Function<char[], SecretStore> unlock, boolean creating, TaskExecutor executor, UiText text,
            Consumer<SecretStore> unlocked) {
        this.unlock = Objects.requireNonNull(unlock, "unlock");
        this.creating = creating;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
        this.unlocked = Objects.requireNonNull(unlocked, "unlocked");
    }

    /**
     * Checks the typed password(s) and unlocks in the background.
     *
     * @param password the master password (copied; the caller clears its field)
     * @param confirmation the repeated password when creating, else ignored
     */
    public void unlock(char[] password, char[] confirmation) {
        if (busy.get()) {
            return;
        }
        if (password.length == 0) {
            error.set(text.get("app.unlock.error.empty"));
            return;
        }
        if (creating && !Arrays.equals(password, confirmation)) {
            error.set(text.get("app.unlock.error.mismatch"));
            return;
        }
        char[] copy = password.clone();
        error.set("");
        busy.set(true);
        TaskBuilder.create(() -> {
            try {
                return unlock.apply(copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        }).named("unlock secrets")
                .onSuccess(unlocked)
                .onAnyError(failure -> error.set(failure instanceof StoreException e && e.failure() == StoreFailure.SECRETS
                        && !creating ? text.get("app.unlock.error.wrong")
                        : text.get("app.unlock.error.other", String.valueOf(failure.getMessage()))))
                .andFinally(() -> busy.set(false))
                .runOn(executor);
    }

    /** @return whether the password file is created (the password is asked twice) */
    public boolean creating() {
        return creating;
    }

    /** @return the last error, localized, or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return whether an unlock runs */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
