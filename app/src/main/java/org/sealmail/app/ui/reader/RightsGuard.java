package org.sealmail.app.ui.reader;

import java.util.Objects;
import java.util.Set;
import org.sealmail.crypto.rights.UsageRight;

/**
 * Decides, in code, whether an action on the open message is allowed by the usage rights the
 * reader holds. Every command path (keyboard, menus, context menu, drag) goes through it, so a
 * hidden button is never the only protection.
 */
public final class RightsGuard {

    private final ProtectionStatus protection;

    /**
     * @param protection the protection status of the open message
     */
    public RightsGuard(ProtectionStatus protection) {
        this.protection = Objects.requireNonNull(protection, "protection");
    }

    /**
     * @param action an action
     * @return whether the rights held allow it
     */
    public boolean allows(ReaderAction action) {
        Set<UsageRight> rights = protection.rights();
        return protection.contentAvailable()
                && (rights.contains(UsageRight.OWNER) || rights.contains(action.required()));
    }

    /**
     * @param action an action
     * @return {@link CommandResult#ran()} when allowed, otherwise a refusal naming the missing right
     */
    public CommandResult check(ReaderAction action) {
        if (!protection.contentAvailable()) {
            return CommandResult.refused("reader.refused.no-content");
        }
        return allows(action) ? CommandResult.ran()
                : CommandResult.refused("reader.refused." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
