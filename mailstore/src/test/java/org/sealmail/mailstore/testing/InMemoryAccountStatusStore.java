package org.sealmail.mailstore.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sealmail.mailstore.server.AccountStatusStore;

/** The in-memory twin of the account status kept in the store, for tests. */
public final class InMemoryAccountStatusStore implements AccountStatusStore {

    private final Map<String, String> failures = new ConcurrentHashMap<>();

    @Override
    public Optional<String> authenticationFailure(String accountId) {
        return Optional.ofNullable(failures.get(accountId));
    }

    @Override
    public void markAuthenticationFailed(String accountId, String reason) {
        failures.put(accountId, reason);
    }

    @Override
    public void clearAuthenticationFailure(String accountId) {
        failures.remove(accountId);
    }
}
