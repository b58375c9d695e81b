package org.sealmail.mailstore.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a rejected account from hammering its server: before a login it refuses accounts marked
 * "authentication failed" (without connecting), and it marks an account when a server rejects its
 * credentials.
 */
public final class AuthenticationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationGuard.class);

    private final AccountStatusStore status;

    /** @param status where the mark is kept */
    public AuthenticationGuard(AccountStatusStore status) {
        this.status = status;
    }

    /**
     * @param account the account about to log in
     * @throws MailServerException {@link MailServerFailure#ACCOUNT_LOCKED} if it is marked
     */
    public void checkAllowed(MailAccount account) {
        status.authenticationFailure(account.id()).ifPresent(reason -> {
            throw new MailServerException(MailServerFailure.ACCOUNT_LOCKED, "account " + account.email()
                    + " is marked 'authentication failed' (" + reason + "); not connecting until its password is changed",
                    null);
        });
    }

    /**
     * Marks the account when the failure is a rejected login.
     *
     * @param account the account
     * @param failure what happened
     * @return the same failure, to rethrow
     */
    public MailServerException record(MailAccount account, MailServerException failure) {
        if (failure.failure() == MailServerFailure.AUTHENTICATION_FAILED) {
            LOG.warn("marking account {} 'authentication failed': {}", account.email(), failure.getMessage());
            status.markAuthenticationFailed(account.id(), failure.getMessage());
        }
        return failure;
    }
}
