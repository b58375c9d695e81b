package org.sealmail.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.tls.AccountTrust;

/**
 * Runs the {@link DemoStory} without a window, either on an in-process GreenMail
 * ({@link DemoMailServer}) or on real servers named by the caller.
 */
public final class HeadlessDemo {

    /** The demo's own mail domain (RFC 2606 reserves {@code .test}): nothing can leave for it. */
    public static final String DEMO_DOMAIN = "demo.sealmail.test";

    private HeadlessDemo() {
    }

    /**
     * Real servers to run the story on.
     *
     * @param imap the IMAP server
     * @param smtp the submission server
     * @param caFile PEM file of the CA their TLS certificates chain to
     * @param alice the sender's mailbox
     * @param bob the recipient's mailbox
     */
    public record RealServers(ServerEndpoint imap, ServerEndpoint smtp, Path caFile, DemoLogin alice, DemoLogin bob) {
        /** Rejects nulls. */
        public RealServers {
            Objects.requireNonNull(imap, "imap");
            Objects.requireNonNull(smtp, "smtp");
            Objects.requireNonNull(caFile, "caFile");
            Objects.requireNonNull(alice, "alice");
            Objects.requireNonNull(bob, "bob");
        }
    }

    /**
     * Runs the story.
     *
     * @param home the demo directory (prepared, see {@link DemoHome#prepare})
     * @param real the real servers, or empty for the in-process server
     * @param preferredImaps in-process IMAPS port tried first (0: any free port)
     * @param preferredSmtps in-process SMTPS port tried first (0: any free port)
     * @param clock the time source
     * @param out where each step is printed
     * @return the steps run
     * @throws org.sealmail.mailstore.StoreException when a profile's store cannot be opened
     * @throws org.sealmail.crypto.CryptoException when the CA file cannot be read
     */
    public static List<DemoStep> run(Path home, Optional<RealServers> real, int preferredImaps, int preferredSmtps,
            Clock clock, PrintWriter out) {
        if (real.isPresent()) {
            RealServers servers = real.get();
            List<X509Certificate> anchors = CertificateFiles.read(servers.caFile());
            AccountTrust trust = AccountTrust.platform();
            for (X509Certificate anchor : anchors) {
                trust = trust.withAnchor(anchor);
            }
            DemoPki pki = DemoPki.loadOrCreate(home, servers.alice().address(), servers.bob().address(), clock);
            DemoServers demoServers = new DemoServers(servers.imap(), servers.smtp(), trust, servers.alice(), servers.bob(),
                    "IMAP " + servers.imap() + ", SMTP " + servers.smtp() + ", TLS checked against " + servers.caFile());
            return new DemoStory(pki, demoServers, home, clock, out).run();
        }
        DemoLogin alice = new DemoLogin("alice@" + DEMO_DOMAIN, "alice@" + DEMO_DOMAIN, UUID.randomUUID().toString().toCharArray());
        DemoLogin bob = new DemoLogin("bob@" + DEMO_DOMAIN, "bob@" + DEMO_DOMAIN, UUID.randomUUID().toString().toCharArray());
        DemoPki pki = DemoPki.loadOrCreate(home, alice.address(), bob.address(), clock);
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put(alice.address(), new String(alice.password()));
        logins.put(bob.address(), new String(bob.password()));
        try (DemoMailServer server = DemoMailServer.start(pki, home, preferredImaps, preferredSmtps, logins)) {
            server.notes().forEach(note -> out.println("note: " + note));
            DemoServers servers = new DemoServers(server.imap(), server.smtp(), server.trust(), alice, bob,
                    "in-process GreenMail on IMAP " + server.imap() + " and SMTP " + server.smtp()
                    + ", TLS certificate issued by " + server.tlsIssuer());
            return new DemoStory(pki, servers, home, clock, out).run();
        }
    }
}
