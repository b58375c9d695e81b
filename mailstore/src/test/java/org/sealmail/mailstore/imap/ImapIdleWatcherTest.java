package org.sealmail.mailstore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.TcpProxy;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestSync;

/** IDLE push (RFC 2177) against GreenMail, with reconnects through a proxy that drops connections. */
class ImapIdleWatcherTest {

    private TestGreenMail server;
    private TcpProxy proxy;
    private InMemorySyncStore store;
    private GreenMailUser bobUser;
    private MailAccount bob;

    @BeforeEach
    void start() {
        server = new TestGreenMail();
        proxy = new TcpProxy(server.imapsPort());
        store = new InMemorySyncStore();
        bobUser = server.greenMail().getUserManager().getUser("bob@example.test");
        bob = server.account("bob", proxy.port(), server.smtpsPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void newMailReachesTheStoreWithinFiveSecondsAndSurvivesADroppedConnection() throws Exception {
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        try (ImapMailSync sync = TestSync.sync(bob, TestGreenMail.PASSWORD, store, status, Set.of());
                SyncTrigger trigger = new SyncTrigger("test-sync", () -> sync.syncFolder("INBOX"));
                ImapIdleWatcher watcher = new ImapIdleWatcher(TestSync.connector(bob, TestGreenMail.PASSWORD, status, Set.of()),
                        "INBOX", trigger, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), Duration.ofSeconds(1))) {
            watcher.start();
            assertThat(within(Duration.ofSeconds(5), () -> watcher.connects() == 1 && store.syncState(bob.id(), "INBOX").isPresent()))
                    .isTrue();

            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "pushed", "x", TestMessages.newMessageId()));
            assertThat(within(Duration.ofSeconds(5), () -> store.messages(bob.id(), "INBOX").size() == 1))
                    .as("in the store within 5 s").isTrue();

            proxy.dropAll();   // the server goes away; the watcher reconnects with backoff
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "after drop", "x",
                    TestMessages.newMessageId()));
            assertThat(within(Duration.ofSeconds(10), () -> store.messages(bob.id(), "INBOX").size() == 2)).isTrue();
            assertThat(watcher.connects()).isGreaterThanOrEqualTo(2);
            assertThat(watcher.isRunning()).isTrue();
        }
    }

    @Test
    void aRejectedLoginStopsTheWatcherWithoutRetrying() throws Exception {
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        try (ImapIdleWatcher watcher = new ImapIdleWatcher(TestSync.connector(bob, "wrong", status, Set.of()), "INBOX",
                () -> { }, new Backoff(Duration.ofMillis(50), Duration.ofMillis(100)), Duration.ofSeconds(1))) {
            watcher.start();
            assertThat(within(Duration.ofSeconds(5), () -> !watcher.isRunning())).isTrue();
            assertThat(watcher.stoppedBy().failure()).isEqualTo(MailServerFailure.AUTHENTICATION_FAILED);
            Thread.sleep(500);
            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(status.authenticationFailure(bob.id())).isPresent();
        }
    }
}
