package org.sealmail.app.ui.compose;

import java.util.List;

/**
 * Addresses known to the store (for completion) and whether each can be protected for. Does
 * database and possibly network I/O (rights server reachability): call in the background.
 */
public interface RecipientDirectory {

    /**
     * @param prefix what the user typed of an address or name (case-insensitive)
     * @param limit maximum number of suggestions
     * @return matching addresses, most used first, e.g. {@code "Alice <alice@example.org>"}
     */
    List<String> complete(String prefix, int limit);

    /**
     * @param address a recipient's bare address
     * @param choice the chosen protection
     * @return whether the recipient can receive it
     */
    RecipientReadiness readiness(String address, ProtectionChoice choice);
}
