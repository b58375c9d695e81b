package org.sealmail.mailstore.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.SqliteAccountStatusStore;
import org.sealmail.mailstore.testing.TcpProxy;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.mailstore.tls.AccountTrust;
import org.sealmail.mailstore.tls.AccountTrustRepository;
import org.sealmail.mailstore.tls.CertificateFingerprint;

/** The outbox sender on the store's outbox table, and the account status and trust tables. */
class SqliteOutboxQueueTest {

    @TempDir
    Path profile;

    private TestGreenMail server;
    private SqliteMailStore db;
    private long accountId;

    @BeforeEach
    void start() {
        server = new TestGreenMail();
        db = SqliteMailStore.open(profile);
        accountId = db.accounts().add(new Account(0, "alice@example.test", null, null,
                List.of(new Identity("Alice", "alice@example.test", null, null)), ComposeProtection.NONE)).id();
    }

    @AfterEach
    void stop() {
        db.close();
        server.close();
    }

    @Test
    void aDroppedSubmissionWaitsForItsRetryTimeAndIsThenSentOnce() throws Exception {
        SqliteOutboxQueue queue = new SqliteOutboxQueue(db, Clock.systemUTC());
        Path attachment = profile.resolve("big.bin");
        java.nio.file.Files.write(attachment, new byte[6_000_000]);   // more than the kernel buffers take
        MessageComposer.Composed big = MessageComposer.compose(new MessageComposer.Draft("alice@example.test",
                List.of("bob@example.test"), List.of(), List.of(), "big", "x", List.of(attachment)), Instant.now());
        long id = queue.enqueue(accountId, big);
        SqliteAccountStatusStore status = new SqliteAccountStatusStore(db.database(), Clock.systemUTC());
        try (TcpProxy proxy = new TcpProxy(server.smtpsPort())) {
            MailAccount alice = withId(server.account("alice", server.imapsPort(), proxy.port()));
            SmtpSubmitter submitter = new SmtpSubmitter(alice, Credentials.password("alice@example.test",
                    TestGreenMail.PASSWORD.toCharArray()), new AuthenticationGuard(status));
            OutboxSender sender = new OutboxSender(alice, queue, submitter, null, 5);
            proxy.cutAfterClientBytes(200_000);

            assertThat(sender.sendPending().requeued()).isEqualTo(1);
            org.sealmail.mailstore.outbox.OutboxEntry row = db.outbox().find(id).orElseThrow();
            assertThat(row.state()).isEqualTo(org.sealmail.mailstore.outbox.OutboxState.QUEUED);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
            assertThat(sender.sendPending().sent()).as("not due yet").isZero();

            queue.retryNow(accountId);
            assertThat(sender.sendPending().sent()).isEqualTo(1);
            assertThat(db.outbox().find(id).orElseThrow().state()).isEqualTo(org.sealmail.mailstore.outbox.OutboxState.SENT);
            assertThat(db.outbox().find(id).orElseThrow().attempts()).isEqualTo(2);
        }
        assertThat(server.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void theEnvelopeStoredWithTheEntryDecidesTheRecipients() throws Exception {
        // as the send pipeline queues it: envelope in the outbox row, no Bcc header left in the message
        MessageComposer.Composed composed = MessageComposer.compose(new MessageComposer.Draft("alice@example.test",
                List.of("bob@example.test"), List.of(), List.of(), "s", "x", List.of()), Instant.now());
        long id = db.outbox().enqueue(accountId, "alice@example.test", List.of("bob@example.test", "carol@example.test"),
                composed.rfc822(), Instant.now());
        MailAccount alice = withId(server.account("alice"));
        OutboxSender sender = new OutboxSender(alice, new SqliteOutboxQueue(db, Clock.systemUTC()), new SmtpSubmitter(alice,
                Credentials.password("alice@example.test", TestGreenMail.PASSWORD.toCharArray()),
                new AuthenticationGuard(new SqliteAccountStatusStore(db.database(), Clock.systemUTC()))), null, 5);

        assertThat(sender.sendPending().sent()).isEqualTo(1);

        assertThat(db.outbox().find(id).orElseThrow().state()).isEqualTo(org.sealmail.mailstore.outbox.OutboxState.SENT);
        assertThat(server.greenMail().getReceivedMessagesForDomain("example.test")).hasSize(2);
        com.icegreen.greenmail.user.GreenMailUser carol = server.greenMail().getUserManager().getUser("carol@example.test");
        assertThat(server.greenMail().getManagers().getImapHostManager().getInbox(carol).getMessageCount()).isEqualTo(1);
    }

    @Test
    void authenticationMarksAndTrustEntriesPersistInTheStore() {
        SqliteAccountStatusStore status = new SqliteAccountStatusStore(db.database(), Clock.systemUTC());
        status.markAuthenticationFailed(String.valueOf(accountId), "535 bad password");
        assertThat(status.authenticationFailure(String.valueOf(accountId))).contains("535 bad password");
        status.clearAuthenticationFailure(String.valueOf(accountId));
        assertThat(status.authenticationFailure(String.valueOf(accountId))).isEmpty();

        AccountTrustRepository trust = new AccountTrustRepository(db.database(), Clock.systemUTC());
        assertThat(trust.trust(accountId)).isEqualTo(AccountTrust.platform());
        String pin = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());
        trust.addAnchor(accountId, TestServerTls.get().root());
        trust.addPin(accountId, pin.replace(":", "").toLowerCase());
        AccountTrust loaded = trust.trust(accountId);
        assertThat(loaded.extraAnchors()).containsExactly(TestServerTls.get().root());
        assertThat(loaded.pinnedFingerprints()).containsExactly(pin);
    }

    private MailAccount withId(MailAccount account) {
        return new MailAccount(String.valueOf(accountId), account.email(), account.imap(), account.smtp(), account.username(),
                account.trust(), account.bodyPolicy(), account.serverFilesSent());
    }
}
