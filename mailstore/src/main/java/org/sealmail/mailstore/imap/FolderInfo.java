package org.sealmail.mailstore.imap;

import java.util.Objects;

/**
 * A folder as the server lists it.
 *
 * @param name the full name on the server (hierarchy separated by {@code separator})
 * @param role its special use
 * @param separator the hierarchy delimiter, or {@code '\0'} for a flat namespace
 * @param selectable false for \Noselect containers (they hold no messages)
 */
public record FolderInfo(String name, FolderRole role, char separator, boolean selectable) {

    /** @throws NullPointerException if name or role is missing */
    public FolderInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
