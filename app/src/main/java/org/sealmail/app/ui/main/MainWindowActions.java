package org.sealmail.app.ui.main;

import java.util.Objects;
import java.util.function.Consumer;
import org.sealmail.app.ui.Theme;

/**
 * What the main window's menus open outside itself.
 *
 * @param newMessage opens an empty composer
 * @param accountSetup opens the account setup wizard
 * @param settings opens the settings window
 * @param themeChanged applies a theme to every window
 * @param about shows the About box
 * @param quit closes the application
 * @param protectionRules opens the protection rules editor (Tools menu)
 */
public record MainWindowActions(Runnable newMessage, Runnable accountSetup, Runnable settings,
        Consumer<Theme> themeChanged, Runnable about, Runnable quit, Runnable protectionRules) {

    /** Rejects nulls. */
    public MainWindowActions {
        Objects.requireNonNull(newMessage, "newMessage");
        Objects.requireNonNull(accountSetup, "accountSetup");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(themeChanged, "themeChanged");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(quit, "quit");
        Objects.requireNonNull(protectionRules, "protectionRules");
    }
}
