package org.sealmail.mailstore.accounts;

import java.util.List;
import java.util.Objects;

/**
 * A mail account as stored: servers, identities and default protection (no passwords).
 *
 * @param id the store's id (0 for an account not yet stored)
 * @param name the account's unique name, e.g. "Work"
 * @param imap the IMAP server, or {@code null} for a send-only account
 * @param smtp the SMTP submission server, or {@code null} for a read-only account
 * @param identities the sender identities, the first being the default
 * @param defaultProtection what compose starts with
 */
public record Account(long id, String name, ServerSettings imap, ServerSettings smtp, List<Identity> identities,
        ComposeProtection defaultProtection) {

    /** Checks the fields and copies the list. */
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultProtection, "defaultProtection");
        identities = List.copyOf(identities);
    }

    /** @return this account with another id */
    public Account withId(long newId) {
        return new Account(newId, name, imap, smtp, identities, defaultProtection);
    }
}
