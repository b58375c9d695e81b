package org.sealmail.mailstore.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.TcpProxy;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.mailstore.testing.TestSync;

/** Sync under faults: a connection cut mid-sync, unparseable BODYSTRUCTURE, a wrong password. */
class ImapSyncFaultsTest {

    private TestGreenMail server;
    private InMemorySyncStore store;
    private GreenMailUser bobUser;

    @BeforeEach
    void start() {
        server = new TestGreenMail();
        store = new InMemorySyncStore();
        bobUser = server.greenMail().getUserManager().getUser("bob@example.test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSyncCutOffMidwayResumesWithoutLosingOrDuplicatingMessages() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String id = TestMessages.newMessageId();
            ids.add(id);
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "body " + i, id));
        }
        try (TcpProxy proxy = new TcpProxy(server.imapsPort())) {
            MailAccount bob = server.account("bob", proxy.port(), server.smtpsPort());
            try (ImapMailSync sync = TestSync.sync(bob, TestGreenMail.PASSWORD, store, new InMemoryAccountStatusStore(),
                    Set.of())) {
                proxy.cutAfterServerBytes(400_000);   // the "server restarts" in the middle of the envelope fetch

                assertThatThrownBy(() -> sync.syncFolder("INBOX"))
                        .isInstanceOf(MailServerException.class)
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.CONNECTION);
                int partial = store.messages(bob.id(), "INBOX").size();
                assertThat(partial).as("some batches were stored before the cut").isBetween(1, 1199);

                FolderSyncResult resumed = sync.syncFolder("INBOX");

                assertThat(resumed.added()).isEqualTo(1200 - partial);
                List<MessageSummary> rows = store.messages(bob.id(), "INBOX");
                assertThat(rows).hasSize(1200);
                assertThat(rows.stream().map(MessageSummary::messageId).collect(Collectors.toList()))
                        .containsExactlyElementsOf(ids);
            }
        }
    }

    @Test
    void anUnparseableBodystructureFallsBackToALocalParseOfTheWholeMessage() {
        String id = TestMessages.newMessageId();
        bobUser.deliver(TestMessages.withAttachment("alice@example.test", "bob@example.test", "report", "q3.pdf",
                new byte[] {1, 2, 3}, id));
        bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "plain", "x", TestMessages.newMessageId()));
        // a TLS-terminating proxy in front of GreenMail's plain port breaks every BODYSTRUCTURE it forwards
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", server.imapPort(),
                TestServerTls.serverContext(TestServerTls.get().localhost()))) {
            proxy.rewriteServerLines(line -> line.replace("BODYSTRUCTURE (", "BODYSTRUCTURE ["));
            MailAccount bob = server.account("bob", proxy.port(), server.smtpsPort());
            try (ImapMailSync sync = TestSync.sync(bob, TestGreenMail.PASSWORD, store, new InMemoryAccountStatusStore(),
                    Set.of())) {

                FolderSyncResult result = sync.syncFolder("INBOX");

                assertThat(result.added()).isEqualTo(2);
                assertThat(result.bodiesFetched()).as("whole messages fetched instead").isEqualTo(2);
                MessageSummary report = store.messages(bob.id(), "INBOX").get(0);
                assertThat(report.messageId()).isEqualTo(id);
                assertThat(report.subject()).isEqualTo("report");
                assertThat(report.structure().parsedLocally()).isTrue();
                assertThat(report.structure().contentType()).startsWith("multipart/mixed");
                assertThat(report.structure().parts()).extracting(MessagePart::filename).containsExactly(null, "q3.pdf");
                assertThat(store.hasBody(bob.id(), "INBOX", report.uid())).isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordMarksTheAccountAndStopsFurtherConnections() {
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        try (TcpProxy proxy = new TcpProxy(server.imapsPort())) {
            MailAccount bob = server.account("bob", proxy.port(), server.smtpsPort());
            try (ImapMailSync sync = TestSync.sync(bob, "wrong", store, status, Set.of())) {

                assertThatThrownBy(sync::syncAll)
                        .isInstanceOf(MailServerException.class)
                        .hasMessageContaining("rejected the user name or password")
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.AUTHENTICATION_FAILED);
                assertThat(status.authenticationFailure(bob.id())).isPresent();
                for (int i = 0; i < 5; i++) {
                    assertThatThrownBy(sync::syncAll)
                            .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.ACCOUNT_LOCKED);
                }
                assertThat(proxy.connections()).as("no retry storm: one connection in all").isEqualTo(1);
            }
            status.clearAuthenticationFailure(bob.id());   // the user entered a new password
            try (ImapMailSync sync = TestSync.sync(bob, TestGreenMail.PASSWORD, store, status, Set.of())) {
                assertThat(sync.syncAll()).isNotEmpty();
                assertThat(proxy.connections()).isEqualTo(2);
            }
        }
    }

    @Test
    void aServerNameOutsideTheCertificateIsRefused() {
        // 127.0.0.2 is loopback too, but the server certificate names only localhost and 127.0.0.1
        try (TcpProxy proxy = new TcpProxy("127.0.0.2", server.imapsPort(), null)) {
            MailAccount bob = server.account("bob");
            MailAccount elsewhere = bob.withServers(
                    new org.sealmail.mailstore.server.ServerEndpoint("127.0.0.2", proxy.port(), bob.imap().security()),
                    bob.smtp());
            try (ImapMailSync sync = TestSync.sync(elsewhere, TestGreenMail.PASSWORD, store,
                    new InMemoryAccountStatusStore(), Set.of())) {
                assertThatThrownBy(sync::syncAll)
                        .isInstanceOf(MailServerException.class)
                        .hasMessageContaining("not valid for 127.0.0.2")   // our check refused it, no fallback socket
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.TLS);
            }
        }
    }
}
