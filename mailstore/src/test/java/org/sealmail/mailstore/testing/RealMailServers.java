package org.sealmail.mailstore.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailSessionFactory;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * The real Dovecot + Postfix started by {@code shared/scripts/mailservers.sh start DIR}, described
 * by the {@code MAILSRV_*} environment the script writes. Tests skip when it is absent.
 *
 * @param host the servers' address
 * @param imapPort IMAP with STARTTLS required
 * @param imapsPort IMAP over implicit TLS
 * @param submissionPort SMTP submission, STARTTLS + AUTH required
 * @param smtpPort SMTP inbound (no AUTH, local recipients only)
 * @param password every user's password
 * @param dir the servers' directory (dovecot.conf, tls/)
 * @param script the path of mailservers.sh when exported as MAILSRV_SCRIPT (for restarts), or null
 */
public record RealMailServers(String host, int imapPort, int imapsPort, int submissionPort, int smtpPort, String password,
        Path dir, Path script) {

    /** @return the servers, when MAILSRV_HOST is set */
    public static Optional<RealMailServers> fromEnvironment() {
        String host = System.getenv("MAILSRV_HOST");
        if (host == null) {
            return Optional.empty();
        }
        String script = System.getenv("MAILSRV_SCRIPT");
        return Optional.of(new RealMailServers(host, port("MAILSRV_IMAP_PORT"), port("MAILSRV_IMAPS_PORT"),
                port("MAILSRV_SUBMISSION_PORT"), port("MAILSRV_SMTP_PORT"), System.getenv("MAILSRV_PASSWORD"),
                Path.of(System.getenv("MAILSRV_DIR")), script == null || script.isBlank() ? null : Path.of(script)));
    }

    private static int port(String name) {
        return Integer.parseInt(System.getenv(name));
    }

    /** @return the servers' test CA (DIR/tls/ca.pem) */
    public AccountTrust trust() {
        return AccountTrust.platform().withAnchor(CertificateFiles.read(dir.resolve("tls/ca.pem")).get(0));
    }

    /**
     * @param user alice, bob or carol
     * @param imapPort where IMAP (STARTTLS) is reached (the server or a proxy)
     * @param submissionPort where submission is reached
     * @return the account, trusting the servers' CA
     */
    public MailAccount account(String user, int imapPort, int submissionPort) {
        String email = user + "@example.test";
        return new MailAccount(email, email, new ServerEndpoint(host, imapPort, ConnectionSecurity.STARTTLS),
                new ServerEndpoint(host, submissionPort, ConnectionSecurity.STARTTLS), email, trust(),
                BodyPolicy.onDemand(), false);
    }

    /** @return the account on the servers' own ports */
    public MailAccount account(String user) {
        return account(user, imapPort, submissionPort);
    }

    /** @return a logged-in IMAPS connection for checking the server side (another device) */
    public IMAPStore otherClient(String user) throws MessagingException {
        ServerEndpoint imaps = new ServerEndpoint(host, imapsPort, ConnectionSecurity.IMPLICIT_TLS);
        Session session = new MailSessionFactory(trust()).imapSession(imaps, false, Duration.ofSeconds(30));
        IMAPStore store = (IMAPStore) session.getStore("imaps");
        store.connect(host, imapsPort, user + "@example.test", password);
        return store;
    }

    /**
     * Appends many messages in one MULTIAPPEND command (RFC 3502; Dovecot commits them in one
     * transaction, far faster than one APPEND each), creating the folder first.
     */
    public void bulkAppend(String user, String folder, List<byte[]> messages) throws MessagingException {
        try (IMAPStore store = otherClient(user)) {
            org.eclipse.angus.mail.imap.IMAPFolder target = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(folder);
            if (!target.exists()) {
                target.create(jakarta.mail.Folder.HOLDS_MESSAGES);
            }
            int batch = 2000;
            for (int start = 0; start < messages.size(); start += batch) {
                List<byte[]> part = messages.subList(start, Math.min(messages.size(), start + batch));
                target.doCommand(protocol -> {
                    org.eclipse.angus.mail.iap.Argument args = new org.eclipse.angus.mail.iap.Argument();
                    args.writeString(folder);
                    for (byte[] message : part) {
                        args.writeBytes(message);
                    }
                    org.eclipse.angus.mail.iap.Response[] responses = protocol.command("APPEND", args);
                    protocol.notifyResponseHandlers(responses);
                    protocol.handleResult(responses[responses.length - 1]);
                    return null;
                });
            }
        }
    }

    /** Runs {@code doveadm -c DIR/dovecot.conf ARGS} and returns its output. */
    public String doveadm(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("doveadm", "-c", dir.resolve("dovecot.conf").toString()));
        command.addAll(List.of(args));
        return PeerTool.run(command.toArray(new String[0])).ok().out();
    }

    /** Runs {@code bash mailservers.sh stop|start DIR}. */
    public void servers(String action) {
        PeerTool.run("bash", script.toString(), action, dir.toString()).ok();
    }
}
