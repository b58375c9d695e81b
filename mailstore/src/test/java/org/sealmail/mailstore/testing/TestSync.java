package org.sealmail.mailstore.testing;

import java.time.Duration;
import java.util.Set;
import org.sealmail.mailstore.imap.ImapConnectionPool;
import org.sealmail.mailstore.imap.ImapConnector;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.SyncStore;
import org.sealmail.mailstore.server.AccountStatusStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;

/** Wires an {@link ImapMailSync} for a test account. */
public final class TestSync {

    private TestSync() {
    }

    /** @return a connector with the given password */
    public static ImapConnector connector(MailAccount account, String password, AccountStatusStore status,
            Set<String> disabledCapabilities) {
        return new ImapConnector(account, Credentials.password(account.username(), password.toCharArray()),
                new AuthenticationGuard(status), disabledCapabilities);
    }

    /** @return a sync over a pool of two connections */
    public static ImapMailSync sync(MailAccount account, String password, SyncStore store, AccountStatusStore status,
            Set<String> disabledCapabilities) {
        return new ImapMailSync(new ImapConnectionPool(connector(account, password, status, disabledCapabilities), 2,
                Duration.ofSeconds(30)), store);
    }
}
