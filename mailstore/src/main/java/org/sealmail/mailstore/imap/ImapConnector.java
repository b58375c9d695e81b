package org.sealmail.mailstore.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailExceptionTranslator;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailSessionFactory;

/**
 * Opens authenticated IMAP connections for one account (RFC 3501 LOGIN/AUTHENTICATE over TLS).
 * Refuses to connect while the account is marked "authentication failed", and marks it when the
 * server rejects the credentials.
 */
public final class ImapConnector {

    private final MailAccount account;
    private final Credentials credentials;
    private final AuthenticationGuard guard;
    private final Set<String> disabledCapabilities;
    private final MailSessionFactory sessions;

    /**
     * @param account the account
     * @param credentials its login
     * @param guard refuses marked accounts and marks rejected ones
     * @param disabledCapabilities capabilities to ignore even if announced (e.g. {@code QRESYNC})
     */
    public ImapConnector(MailAccount account, Credentials credentials, AuthenticationGuard guard,
            Set<String> disabledCapabilities) {
        this.account = account;
        this.credentials = credentials;
        this.guard = guard;
        this.disabledCapabilities = Set.copyOf(disabledCapabilities);
        this.sessions = new MailSessionFactory(account.trust());
    }

    /** @return the account */
    public MailAccount account() {
        return account;
    }

    /**
     * @return a session for parsing messages locally (no connection)
     */
    public Session session() {
        return sessions.imapSession(account.imap(), credentials.isOAuth2(), MailSessionFactory.READ_TIMEOUT);
    }

    /**
     * Connects and logs in.
     *
     * @param readTimeout the socket read timeout (long for IDLE)
     * @return a connected store
     * @throws MailServerException if the account is marked, or on any connection, TLS or login failure
     */
    public IMAPStore connect(Duration readTimeout) {
        guard.checkAllowed(account);
        Session session = sessions.imapSession(account.imap(), credentials.isOAuth2(), readTimeout);
        IMAPStore store;
        try {
            store = (IMAPStore) session.getStore(MailSessionFactory.imapProtocol(account.imap()));
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no IMAP provider", e);
        }
        try {
            store.connect(account.imap().host(), account.imap().port(), credentials.username(),
                    credentials.secretAsString());
            return store;
        } catch (MessagingException | RuntimeException e) {
            throw guard.record(account, MailExceptionTranslator.translate("IMAP login", account.imap(), e));
        }
    }

    /**
     * @param store a connected store
     * @return its capabilities less the disabled ones
     * @throws MailServerException if the query fails
     */
    public ImapCapabilities capabilities(IMAPStore store) {
        try {
            return ImapCapabilities.of(store, disabledCapabilities);
        } catch (MessagingException e) {
            throw MailExceptionTranslator.translate("IMAP CAPABILITY", account.imap(), e);
        }
    }
}
