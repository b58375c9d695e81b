package org.sealmail.app.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.mail.AccountRegistration;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.ui.mailbox.ConnectionState;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestServerTls;

/**
 * The background synchronization against an in-JVM GreenMail over implicit TLS: a run mirrors
 * the folders and reports connecting, synchronizing (with progress) and connected with the TLS
 * state; a rejected login is reported once and not retried; an unreachable server is retried.
 */
class DesktopSyncTest {

    @TempDir
    Path profile;

    private TestGreenMail servers;
    private SqliteMailStore store;
    private PasswordFileSecretStore secrets;
    private AccountTransport transport;
    private DesktopSync sync;
    private final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        servers = new TestGreenMail();
        store = SqliteMailStore.open(profile);
        secrets = PasswordFileSecretStore.open(profile.resolve(PasswordFileSecretStore.FILE_NAME), "master".toCharArray());
        transport = new AccountTransport(store, Clock.systemUTC());
        sync = new DesktopSync(store, transport, secrets);
        sync.addStatusListener(statuses::add);
    }

    @AfterEach
    void close() {
        sync.close();
        store.close();
        servers.close();
    }

    private Account account(int imapPort, String password) {
        return new AccountRegistration("bob@example.test", "Bob", "bob@example.test",
                new ServerEndpoint("127.0.0.1", imapPort, ConnectionSecurity.IMPLICIT_TLS),
                new ServerEndpoint("127.0.0.1", servers.smtpsPort(), ConnectionSecurity.IMPLICIT_TLS),
                List.of(TestServerTls.get().root()), List.of()).save(store, secrets, transport, password.toCharArray());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }

    private List<ConnectionState> states() {
        return statuses.stream().map(SyncStatus::state).toList();
    }

    @Test
    void aRunMirrorsTheFoldersAndReportsProgressAndTls() throws Exception {
        Account bob = account(servers.imapsPort(), TestGreenMail.PASSWORD);

        sync.start();

        waitFor(() -> states().contains(ConnectionState.CONNECTED));
        assertThat(states()).startsWith(ConnectionState.CONNECTING, ConnectionState.SYNCHRONIZING);
        SyncStatus connected = statuses.stream().filter(s -> s.state() == ConnectionState.CONNECTED).findFirst().orElseThrow();
        assertThat(connected.accountId()).isEqualTo(bob.id());
        assertThat(connected.tls()).hasValueSatisfying(tls -> assertThat(tls).contains("implicit TLS").contains("127.0.0.1"));
        assertThat(connected.detail()).isEmpty();
        SyncStatus last = statuses.stream().filter(s -> s.state() == ConnectionState.SYNCHRONIZING).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.done()).isEqualTo(last.total()).isPositive();
        assertThat(store.folders().list(bob.id())).extracting(f -> f.name()).contains("INBOX");
    }

    @Test
    void aRejectedLoginIsReportedAndNotRetried() throws Exception {
        account(servers.imapsPort(), "not the password");

        sync.start();

        waitFor(() -> states().contains(ConnectionState.FAILED));
        Thread.sleep(3_000); // longer than the first backoff delay (2 s)
        assertThat(states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.FAILED);
        assertThat(statuses.get(1).detail()).isNotEmpty();
    }

    @Test
    void anUnreachableServerIsRetriedWithBackoff() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        account(closedPort, TestGreenMail.PASSWORD);

        sync.start();

        waitFor(() -> states().stream().filter(ConnectionState.FAILED::equals).count() >= 2);
        assertThat(states()).startsWith(ConnectionState.CONNECTING, ConnectionState.FAILED, ConnectionState.CONNECTING);
    }
}
