package org.sealmail.app.ui.memory;

import java.util.concurrent.atomic.AtomicReference;
import org.sealmail.app.ui.settings.PreferencesStore;
import org.sealmail.app.ui.settings.UiPreferences;

/** The in-memory twin of {@link PreferencesStore}. */
public final class InMemoryPreferences implements PreferencesStore {

    private final AtomicReference<UiPreferences> saved = new AtomicReference<>(UiPreferences.DEFAULTS);

    @Override
    public UiPreferences load() {
        return saved.get();
    }

    @Override
    public void save(UiPreferences preferences) {
        saved.set(preferences);
    }
}
