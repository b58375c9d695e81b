package org.sealmail.mailstore.server;

import java.util.Optional;

/**
 * Durable per-account status the transport keeps: whether the servers rejected the account's
 * credentials. While marked, nothing connects for that account (no retry storm, no lockout at
 * the server); the mark is cleared when the user changes the credentials.
 */
public interface AccountStatusStore {

    /**
     * @param accountId the account
     * @return the server's rejection message when the account is marked "authentication failed"
     */
    Optional<String> authenticationFailure(String accountId);

    /**
     * Marks the account "authentication failed".
     *
     * @param accountId the account
     * @param reason what the server said (shown to the user)
     */
    void markAuthenticationFailed(String accountId, String reason);

    /**
     * Clears the mark; called when the user sets new credentials.
     *
     * @param accountId the account
     */
    void clearAuthenticationFailure(String accountId);
}
