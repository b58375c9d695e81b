package org.sealmail.app.ui.setup;

/**
 * Finds the servers of an address (autoconfiguration: the provider's config-v1.1 file, the
 * ISPDB, DNS SRV records of RFC 6186) and creates accounts. Network and store I/O: call in the
 * background.
 */
public interface AccountSetupService {

    /**
     * @param address the e-mail address
     * @return what was found (possibly nothing)
     */
    DiscoveredServers discover(String address);

    /**
     * Creates the account, verifies that it can log in, and stores the password in the secret store.
     *
     * @param account the account
     * @throws IllegalStateException with a message for the user when login fails
     */
    void create(NewAccount account);
}
