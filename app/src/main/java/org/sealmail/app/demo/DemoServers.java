package org.sealmail.app.demo;

import java.util.Objects;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * Where the demo's mail goes: the IMAP and submission servers, what their TLS certificates are
 * checked against, and the two mailboxes on them.
 *
 * @param imap the IMAP server
 * @param smtp the submission server
 * @param trust TLS trust for both (the demo CA, or the real servers' CA from {@code --ca-file})
 * @param alice the sender's mailbox
 * @param bob the recipient's mailbox
 * @param description one line for the report ("in-process GreenMail ..." or "real servers ...")
 */
public record DemoServers(ServerEndpoint imap, ServerEndpoint smtp, AccountTrust trust, DemoLogin alice, DemoLogin bob,
        String description) {

    /** Rejects nulls. */
    public DemoServers {
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(alice, "alice");
        Objects.requireNonNull(bob, "bob");
        Objects.requireNonNull(description, "description");
    }
}
