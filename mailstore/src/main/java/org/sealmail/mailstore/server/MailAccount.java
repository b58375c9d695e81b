package org.sealmail.mailstore.server;

import java.util.Objects;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * What the transport needs to know about one mail account: its servers, login name, what it
 * trusts for TLS, how much of each message to download, and whether the submission server files
 * sent mail into the Sent folder by itself.
 *
 * @param id the store's identifier of the account
 * @param email the account's address (the From of mail it sends)
 * @param imap the IMAP server
 * @param smtp the submission server
 * @param username the login name for both servers
 * @param trust extra TLS anchors and pinned certificates
 * @param bodyPolicy which message bodies sync downloads ahead of use
 * @param serverFilesSent true when the submission server puts a copy of each sent message into Sent (no APPEND by us)
 */
public record MailAccount(String id, String email, ServerEndpoint imap, ServerEndpoint smtp, String username,
        AccountTrust trust, BodyPolicy bodyPolicy, boolean serverFilesSent) {

    /** @throws NullPointerException if a field is missing */
    public MailAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(bodyPolicy, "bodyPolicy");
    }

    /** @return a copy with other trust settings */
    public MailAccount withTrust(AccountTrust other) {
        return new MailAccount(id, email, imap, smtp, username, other, bodyPolicy, serverFilesSent);
    }

    /** @return a copy with another body policy */
    public MailAccount withBodyPolicy(BodyPolicy other) {
        return new MailAccount(id, email, imap, smtp, username, trust, other, serverFilesSent);
    }

    /** @return a copy with other servers */
    public MailAccount withServers(ServerEndpoint otherImap, ServerEndpoint otherSmtp) {
        return new MailAccount(id, email, otherImap, otherSmtp, username, trust, bodyPolicy, serverFilesSent);
    }
}
