package org.sealmail.app.ui.settings;

import java.util.Objects;
import org.sealmail.app.ui.Theme;
import org.sealmail.app.ui.reader.RemoteContentPolicy;

/**
 * The user's preferences that the UI applies.
 *
 * @param theme light or dark
 * @param remoteContent what to do with remote content in HTML mail
 * @param defaultProtection the protection a new message starts with
 */
public record UiPreferences(Theme theme, RemoteContentPolicy remoteContent, DefaultProtection defaultProtection) {

    /** The protection a new message starts with. */
    public enum DefaultProtection {
        /** None. */
        NONE,
        /** Encrypt. */
        ENCRYPT,
        /** Do Not Forward. */
        DO_NOT_FORWARD,
        /** S/MIME sign. */
        SMIME_SIGN,
        /** S/MIME sign and encrypt. */
        SMIME_SIGN_AND_ENCRYPT
    }

    /** The defaults: light, remote content blocked with a bar, no protection. */
    public static final UiPreferences DEFAULTS =
            new UiPreferences(Theme.LIGHT, RemoteContentPolicy.BLOCK_AND_ASK, DefaultProtection.NONE);

    /** Rejects nulls. */
    public UiPreferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(remoteContent, "remoteContent");
        Objects.requireNonNull(defaultProtection, "defaultProtection");
    }
}
