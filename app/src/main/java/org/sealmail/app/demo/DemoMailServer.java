package org.sealmail.app.demo;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * The demo's mail server: GreenMail in this process, IMAP over implicit TLS and SMTP submission
 * over implicit TLS (RFC 8314) on 127.0.0.1 only, with a server certificate from the demo CA
 * ({@link DemoTlsCertificate}). When a preferred port is taken (for example by another copy of the
 * demo) the server moves to a free port and says which process holds the preferred one.
 *
 * <p>GreenMail reads its TLS key store once per JVM (system properties): the first server started
 * in a JVM fixes the certificate; later ones in the same JVM present it too, and
 * {@link #trust()} always names the root of the chain actually presented (read back from
 * GreenMail), so a client never trusts a certificate the server does not show.
 */
public final class DemoMailServer implements AutoCloseable {

    /** IMAPS port tried first (993 is privileged; 3993 is easy to remember). */
    public static final int PREFERRED_IMAPS_PORT = 3993;
    /** SMTPS (submissions) port tried first. */
    public static final int PREFERRED_SMTPS_PORT = 3465;

    private static final String TLS_PASSWORD = "demo-server";
    private static final String KEY_STORE_PROPERTY = "greenmail.tls.keystore.file";
    private static X509Certificate jvmTlsAnchor;

    private final GreenMail greenMail;
    private final X509Certificate tlsAnchor;
    private final List<String> notes;

    private DemoMailServer(GreenMail greenMail, X509Certificate tlsAnchor, List<String> notes) {
        this.greenMail = greenMail;
        this.tlsAnchor = tlsAnchor;
        this.notes = List.copyOf(notes);
    }

    /**
     * Starts the server with one mailbox per login.
     *
     * @param pki the demo CA (issues the server certificate)
     * @param home the demo directory (the server's key store goes to {@code home/pki/server-tls.p12})
     * @param preferredImaps the IMAPS port to try first (0: any free port)
     * @param preferredSmtps the SMTPS port to try first (0: any free port)
     * @param logins the mailboxes: address to password (the login is the address)
     * @return the running server
     * @throws UncheckedIOException if the key store cannot be written
     * @throws IllegalStateException if GreenMail cannot start
     */
    public static DemoMailServer start(DemoPki pki, Path home, int preferredImaps, int preferredSmtps,
            java.util.Map<String, String> logins) {
        Objects.requireNonNull(pki, "pki");
        X509Certificate anchor = configureTls(pki, home);
        List<String> notes = new ArrayList<>();
        int imaps = choosePort(preferredImaps, "IMAPS", notes);
        int smtps = choosePort(preferredSmtps, "SMTPS", notes);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(imaps, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
            new ServerSetup(smtps, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        greenMail.start();
        logins.forEach((address, password) -> greenMail.setUser(address, address, password));
        return new DemoMailServer(greenMail, anchor, notes);
    }

    private static int choosePort(int preferred, String service, List<String> notes) {
        if (preferred == 0) {
            return PortHolder.anyFreePort();
        }
        if (PortHolder.isFree(preferred)) {
            return preferred;
        }
        int other = PortHolder.anyFreePort();
        String holder = PortHolder.ofThisMachine().describe(preferred).orElse("another program");
        notes.add(service + " port " + preferred + " is in use by " + holder + "; the demo uses port " + other + " instead");
        return other;
    }

    private static synchronized X509Certificate configureTls(DemoPki pki, Path home) {
        if (jvmTlsAnchor != null) {
            return jvmTlsAnchor;
        }
        if (System.getProperty(KEY_STORE_PROPERTY) == null) {
            writeKeyStore(DemoTlsCertificate.issueForLoopback(pki.authority(), Duration.ofDays(365)),
                    home.resolve("pki").resolve("server-tls.p12"));
        }
        jvmTlsAnchor = presentedRoot();
        return jvmTlsAnchor;
    }

    private static void writeKeyStore(CertifiedKey server, Path file) {
        try {
            Files.createDirectories(file.getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", server.privateKey(), TLS_PASSWORD.toCharArray(),
                    server.chain().toArray(new X509Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, TLS_PASSWORD.toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo server's key store " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the demo server's key store: " + e.getMessage(), e);
        }
        System.setProperty(KEY_STORE_PROPERTY, file.toString());
        System.setProperty("greenmail.tls.keystore.password", TLS_PASSWORD);
        System.setProperty("greenmail.tls.key.password", TLS_PASSWORD);
    }

    /**
     * @return the root of the certificate chain GreenMail actually presents: the key store it
     *         loaded once for this JVM (ours, or one another part of the program configured first)
     */
    private static X509Certificate presentedRoot() {
        KeyStore loaded = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
        try {
            for (String alias : Collections.list(loaded.aliases())) {
                java.security.cert.Certificate[] chain = loaded.getCertificateChain(alias);
                if (loaded.isKeyEntry(alias) && chain != null && chain.length > 0) {
                    return (X509Certificate) chain[chain.length - 1];
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read GreenMail's TLS key store: " + e.getMessage(), e);
        }
        throw new IllegalStateException("GreenMail's TLS key store holds no key with a certificate");
    }

    /** @return the IMAP server: 127.0.0.1, implicit TLS */
    public ServerEndpoint imap() {
        return new ServerEndpoint("127.0.0.1", greenMail.getImaps().getPort(), ConnectionSecurity.IMPLICIT_TLS);
    }

    /** @return the submission server: 127.0.0.1, implicit TLS */
    public ServerEndpoint smtp() {
        return new ServerEndpoint("127.0.0.1", greenMail.getSmtps().getPort(), ConnectionSecurity.IMPLICIT_TLS);
    }

    /** @return the subject of the root CA of the certificate the server presents */
    public String tlsIssuer() {
        return tlsAnchor.getSubjectX500Principal().getName();
    }

    /** @return trust in the CA that issued the server's certificate (platform CAs besides) */
    public AccountTrust trust() {
        return AccountTrust.platform().withAnchor(tlsAnchor);
    }

    /** @return what happened while starting that the user should know (a port moved), one sentence each */
    public List<String> notes() {
        return notes;
    }

    /** Stops the server. */
    @Override
    public void close() {
        greenMail.stop();
    }
}
