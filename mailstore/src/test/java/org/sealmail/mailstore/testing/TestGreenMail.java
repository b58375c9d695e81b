package org.sealmail.mailstore.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Set;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.ServerEndpoint;

/**
 * A GreenMail server on loopback with dynamic ports: IMAPS and SMTPS presenting a certificate
 * from the test root ({@link TestServerTls}), and plain IMAP/SMTP for TLS-terminating test proxies.
 * Users alice, bob and carol {@code @example.test}, password {@link #PASSWORD}.
 */
public final class TestGreenMail implements AutoCloseable {

    /** Password of every user. */
    public static final String PASSWORD = "secret";

    static {
        // GreenMail reads its TLS key store once per JVM from these properties
        System.setProperty("greenmail.tls.keystore.file", TestServerTls.get().keyStoreFile().toString());
        System.setProperty("greenmail.tls.keystore.password", TestServerTls.PASSWORD);
        System.setProperty("greenmail.tls.key.password", TestServerTls.PASSWORD);
    }

    private final GreenMail greenMail;

    /** Starts the server. */
    public TestGreenMail() {
        ServerSetup[] setups = {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        };
        greenMail = new GreenMail(setups);
        greenMail.start();
        for (String user : Set.of("alice", "bob", "carol")) {
            greenMail.setUser(user + "@example.test", user + "@example.test", PASSWORD);
        }
    }

    /** @return the server */
    public GreenMail greenMail() {
        return greenMail;
    }

    /** @return the IMAPS port */
    public int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    /** @return the SMTPS port */
    public int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    /** @return the plain IMAP port (for TLS-terminating proxies only) */
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** @return the plain SMTP port (for test deliveries only) */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * @param user alice, bob or carol
     * @return an account on this server over implicit TLS, trusting the test root
     */
    public MailAccount account(String user) {
        return account(user, imapsPort(), smtpsPort());
    }

    /**
     * @param user alice, bob or carol
     * @param imapPort where the client connects for IMAPS (e.g. a proxy)
     * @param smtpPort where the client connects for SMTPS
     * @return the account
     */
    public MailAccount account(String user, int imapPort, int smtpPort) {
        String email = user + "@example.test";
        return new MailAccount(email, email, new ServerEndpoint("127.0.0.1", imapPort, ConnectionSecurity.IMPLICIT_TLS),
                new ServerEndpoint("127.0.0.1", smtpPort, ConnectionSecurity.IMPLICIT_TLS), email,
                TestServerTls.get().trust(), BodyPolicy.onDemand(), false);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
