package org.sealmail.app.ui.settings;

import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PreferencesStore} on {@link java.util.prefs.Preferences} (per user; on Linux under
 * {@code ~/.java/.userPrefs}). Unknown stored values fall back to the defaults.
 */
public final class JavaPreferencesStore implements PreferencesStore {

    private static final Logger LOG = LoggerFactory.getLogger(JavaPreferencesStore.class);

    private final Preferences node;

    /**
     * @param node the preferences node (the application passes {@code userRoot().node("sealmail/ui")})
     */
    public JavaPreferencesStore(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public UiPreferences load() {
        UiPreferences defaults = UiPreferences.DEFAULTS;
        return new UiPreferences(
                parse(Theme.class, node.get("theme", defaults.theme().name()), defaults.theme()),
                parse(RemoteContentPolicy.class, node.get("remoteContent", defaults.remoteContent().name()),
                        defaults.remoteContent()),
                parse(UiPreferences.DefaultProtection.class, node.get("defaultProtection",
                        defaults.defaultProtection().name()), defaults.defaultProtection()));
    }

    @Override
    public void save(UiPreferences preferences) {
        node.put("theme", preferences.theme().name());
        node.put("remoteContent", preferences.remoteContent().name());
        node.put("defaultProtection", preferences.defaultProtection().name());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("preferences could not be saved: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring unknown {} preference '{}'", type.getSimpleName(), value);
            return fallback;
        }
    }
}
