package org.sealmail.app.ui.settings;

/** Loads and saves {@link UiPreferences} (I/O: call in the background). */
public interface PreferencesStore {

    /** @return the saved preferences, or the defaults */
    UiPreferences load();

    /**
     * @param preferences the preferences to save
     */
    void save(UiPreferences preferences);
}
