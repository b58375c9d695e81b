package org.sealmail.mailstore.accounts;

import java.util.Optional;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * Server passwords of accounts, kept in the {@link SecretStore} (OS keyring or password file)
 * under the names {@code account/ID/imap} and {@code account/ID/smtp}; never in the database.
 */
public final class AccountPasswords {

    private final SecretStore secrets;

    /** @param secrets the profile's secret store */
    public AccountPasswords(SecretStore secrets) {
        this.secrets = secrets;
    }

    /**
     * @param accountId the account's id
     * @param role which server
     * @param password the password (not retained; the caller may wipe it)
     */
    public void setPassword(long accountId, ServerRole role, char[] password) {
        secrets.write(name(accountId, role), password);
    }

    /** @return a copy of the password, if one is stored */
    public Optional<char[]> password(long accountId, ServerRole role) {
        return secrets.read(name(accountId, role));
    }

    /** Forgets both passwords of an account (after {@link AccountRepository#delete}). */
    public void forget(long accountId) {
        for (ServerRole role : ServerRole.values()) {
            secrets.delete(name(accountId, role));
        }
    }

    private static String name(long accountId, ServerRole role) {
        return "account/" + accountId + "/" + role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
