package org.sealmail.mailstore.realserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.mailstore.imap.Backoff;
import org.sealmail.mailstore.imap.FolderRole;
import org.sealmail.mailstore.imap.FolderSyncResult;
import org.sealmail.mailstore.imap.FolderSyncResult.SyncStrategy;
import org.sealmail.mailstore.imap.ImapIdleWatcher;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.ImapSentFolder;
import org.sealmail.mailstore.imap.MessageSummary;
import org.sealmail.mailstore.imap.SyncTrigger;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.sealmail.mailstore.smtp.OutboxRun;
import org.sealmail.mailstore.smtp.OutboxSender;
import org.sealmail.mailstore.smtp.OutboxState;
import org.sealmail.mailstore.smtp.SmtpSubmitter;
import org.sealmail.mailstore.tls.AccountTrust;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemoryOutboxQueue;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.RealMailServers;
import org.sealmail.mailstore.testing.TcpProxy;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestSync;

/**
 * Against real Dovecot 2.3 (IMAP, STARTTLS and IMAPS, CONDSTORE/QRESYNC/IDLE) and Postfix 3.7
 * (submission with STARTTLS + SASL via Dovecot, LMTP delivery into Dovecot), started on loopback by
 * {@code shared/scripts/mailservers.sh}. Skipped when MAILSRV_* is not set.
 */
class DovecotPostfixIT {

    private static RealMailServers servers;

    @BeforeAll
    static void servers() {
        Optional<RealMailServers> found = RealMailServers.fromEnvironment();
        assumeTrue(found.isPresent(), "mail servers not started (shared/scripts/mailservers.sh)");
        servers = found.get();
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

    private static OutboxSender sender(MailAccount account, String password, InMemoryOutboxQueue outbox,
            InMemoryAccountStatusStore status, ImapMailSync sync) {
        return new OutboxSender(account, outbox, new SmtpSubmitter(account,
                Credentials.password(account.username(), password.toCharArray()), new AuthenticationGuard(status)),
                sync == null ? null : new ImapSentFolder(sync), 5);
    }

    private static int countInInbox(String user, String messageId) throws MessagingException {
        try (IMAPStore other = servers.otherClient(user)) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.search(new MessageIDTerm(messageId)).length;
        }
    }

    private static long uidInInbox(String user, String messageId) throws MessagingException {
        try (IMAPStore other = servers.otherClient(user)) {
            IMAPFolder inbox = (IMAPFolder) other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new MessageIDTerm(messageId));
            return found.length == 0 ? -1 : inbox.getUID(found[0]);
        }
    }

    @Test
    void aliceSendsToIdlingBobWhoseFlagsAndServerDeletesFollow() throws Exception {
        MailAccount alice = servers.account("alice");
        MailAccount bob = servers.account("bob");
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        InMemorySyncStore bobStore = new InMemorySyncStore();
        InMemoryOutboxQueue outbox = new InMemoryOutboxQueue();
        String id = TestMessages.newMessageId();
        try (ImapMailSync aliceSync = TestSync.sync(alice, servers.password(), new InMemorySyncStore(), status, Set.of());
                ImapMailSync bobSync = TestSync.sync(bob, servers.password(), bobStore, status, Set.of());
                SyncTrigger trigger = new SyncTrigger("bob-sync", () -> bobSync.syncFolder("INBOX"));
                ImapIdleWatcher idle = new ImapIdleWatcher(TestSync.connector(bob, servers.password(), status, Set.of()),
                        "INBOX", trigger, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)), Duration.ofSeconds(2))) {
            assertThat(bobSync.capabilities().qresync()).isTrue();
            assertThat(bobSync.capabilities().isPushCapable()).isTrue();
            bobSync.syncFolder("INBOX");
            idle.start();
            assertThat(within(Duration.ofSeconds(5), () -> idle.connects() == 1)).isTrue();
            Thread.sleep(500);   // let the catch-up sync after connecting finish
            outbox.enqueue(alice.id(), id, TestMessages.bytes(TestMessages.plain("Alice <alice@example.test>",
                    "bob@example.test", "via Postfix " + id, "hello bob", id)));

            long sentAt = System.nanoTime();
            OutboxRun run = sender(alice, servers.password(), outbox, status, aliceSync).sendPending();
            assertThat(run.sent()).as(run.toString()).isEqualTo(1);
            assertThat(within(Duration.ofSeconds(5), () -> bobStore.messages(bob.id(), "INBOX").stream()
                    .anyMatch(m -> id.equals(m.messageId())))).as("in bob's store within 5 s").isTrue();
            System.err.printf("delivery alice -> Postfix -> LMTP -> Dovecot -> IDLE -> bob's store: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - sentAt).toMillis());
            assertThat(aliceSync.folderWithRole(FolderRole.SENT)).contains("Sent");
            assertThat(aliceSync.containsMessageId("Sent", id)).as("copy in alice's Sent").isTrue();

            MessageSummary row = bobStore.messages(bob.id(), "INBOX").stream().filter(m -> id.equals(m.messageId()))
                    .findFirst().orElseThrow();
            assertThat(row.subject()).isEqualTo("via Postfix " + id);
            long validity = bobStore.syncState(bob.id(), "INBOX").orElseThrow().uidValidity();
            bobSync.updateFlags("INBOX", validity, List.of(row.uid()), new Flags(Flags.Flag.FLAGGED), true);
            try (IMAPStore other = servers.otherClient("bob")) {
                IMAPFolder inbox = (IMAPFolder) other.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Message onServer = inbox.getMessageByUID(row.uid());
                assertThat(onServer.isSet(Flags.Flag.FLAGGED)).as("bob's flag on the server").isTrue();
                onServer.setFlag(Flags.Flag.DELETED, true);
                inbox.expunge();
            }
            assertThat(within(Duration.ofSeconds(5), () -> bobStore.message(bob.id(), "INBOX", row.uid()).isEmpty()))
                    .as("deleted on the server, gone from bob's store").isTrue();
        }
    }

    @Test
    void incrementalSyncUsesQresyncAndFallsBackToCondstore() throws Exception {
        MailAccount bob = servers.account("bob");
        for (Set<String> disabled : List.of(Set.<String>of(), Set.of("QRESYNC"))) {
            String folder = "Inc-" + UUID.randomUUID();
            try (IMAPStore other = servers.otherClient("bob")) {
                other.getFolder(folder).create(Folder.HOLDS_MESSAGES);
                Message[] three = new Message[3];
                for (int i = 0; i < 3; i++) {
                    three[i] = TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "x",
                            TestMessages.newMessageId());
                }
                other.getFolder(folder).appendMessages(three);
            }
            InMemorySyncStore store = new InMemorySyncStore();
            try (ImapMailSync sync = TestSync.sync(bob, servers.password(), store, new InMemoryAccountStatusStore(), disabled)) {
                FolderSyncResult initial = sync.syncFolder(folder);
                assertThat(initial.added()).isGreaterThanOrEqualTo(2);
                assertThat(store.syncState(bob.id(), folder).orElseThrow().highestModSeq()).isPositive();
                List<MessageSummary> rows = store.messages(bob.id(), folder);
                try (IMAPStore other = servers.otherClient("bob")) {
                    IMAPFolder f = (IMAPFolder) other.getFolder(folder);
                    f.open(Folder.READ_WRITE);
                    f.getMessageByUID(rows.get(0).uid()).setFlag(Flags.Flag.SEEN, true);
                    f.getMessageByUID(rows.get(1).uid()).setFlag(Flags.Flag.DELETED, true);
                    f.expunge();
                    f.appendMessages(new Message[] {TestMessages.plain("alice@example.test", "bob@example.test", "new",
                            "x", TestMessages.newMessageId())});
                }

                FolderSyncResult result = sync.syncFolder(folder);

                assertThat(result.strategy()).isEqualTo(disabled.isEmpty() ? SyncStrategy.QRESYNC : SyncStrategy.CONDSTORE);
                assertThat(result).extracting(FolderSyncResult::added, FolderSyncResult::flagsUpdated, FolderSyncResult::removed)
                        .containsExactly(1, 1, 1);
                assertThat(store.message(bob.id(), folder, rows.get(0).uid()).orElseThrow().flags().seen()).isTrue();
                assertThat(sync.syncFolder(folder).changedAnything()).isFalse();
            }
        }
    }

    @Test
    void aUidValidityChangeOnDovecotDropsTheCachedRowsAndResyncs() throws Exception {
        String folder = "Uv-" + UUID.randomUUID();
        MailAccount bob = servers.account("bob");
        InMemorySyncStore store = new InMemorySyncStore();
        try (IMAPStore other = servers.otherClient("bob")) {
            other.getFolder(folder).create(Folder.HOLDS_MESSAGES);
            other.getFolder(folder).appendMessages(new Message[] {TestMessages.plain("alice@example.test",
                    "bob@example.test", "one", "x", TestMessages.newMessageId())});
        }
        try (ImapMailSync sync = TestSync.sync(bob, servers.password(), store, new InMemoryAccountStatusStore(), Set.of())) {
            sync.syncFolder(folder);
            long before = store.syncState(bob.id(), folder).orElseThrow().uidValidity();
            long uid = store.messages(bob.id(), folder).get(0).uid();
            sync.body(folder, uid);
            servers.doveadm("mailbox", "update", "-u", "bob@example.test", "--uid-validity", String.valueOf(before + 7), folder);

            assertThatThrownBy(() -> sync.updateFlags(folder, before, List.of(uid), new Flags(Flags.Flag.SEEN), true))
                    .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.UIDVALIDITY_CHANGED);
            assertThat(store.hasBody(bob.id(), folder, uid)).as("cache dropped at once").isFalse();
            FolderSyncResult result = sync.syncFolder(folder);

            assertThat(store.syncState(bob.id(), folder).orElseThrow().uidValidity()).isEqualTo(before + 7);
            assertThat(result.added()).isEqualTo(1);
            assertThat(store.messages(bob.id(), folder)).extracting(MessageSummary::subject).containsExactly("one");
        }
    }

    @Test
    void aServerRestartMidSyncLosesAndDuplicatesNothing() throws Exception {
        String folder = "Big-" + UUID.randomUUID();
        MailAccount bob = servers.account("bob");
        List<byte[]> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(TestMessages.bytes(TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "body " + i,
                    TestMessages.newMessageId())));
        }
        servers.bulkAppend("bob", folder, many);
        InMemorySyncStore store = new InMemorySyncStore();
        try (TcpProxy proxy = new TcpProxy(servers.imapPort())) {
            MailAccount viaProxy = servers.account("bob", proxy.port(), servers.submissionPort());
            try (ImapMailSync sync = TestSync.sync(viaProxy, servers.password(), store, new InMemoryAccountStatusStore(),
                    Set.of())) {
                proxy.cutAfterServerBytes(500_000);
                assertThatThrownBy(() -> sync.syncFolder(folder))
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.CONNECTION);
                int partial = store.messages(bob.id(), folder).size();
                assertThat(partial).isBetween(1, 1499);
                if (servers.script() != null) {
                    servers.servers("stop");
                    assertThatThrownBy(() -> sync.syncFolder(folder))
                            .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.CONNECTION);
                    servers.servers("start");
                }
                FolderSyncResult resumed = sync.syncFolder(folder);
                assertThat(resumed.added()).isEqualTo(1500 - partial);
            }
        }
        List<MessageSummary> rows = store.messages(bob.id(), folder);
        assertThat(rows).hasSize(1500);
        assertThat(rows.stream().map(MessageSummary::messageId).distinct().count()).isEqualTo(1500);
        assertThat(rows.get(1499).subject()).isEqualTo("m1499");
    }

    @Test
    void aConnectionDroppedDuringDataLeavesTheMessageQueuedAndPostfixLaterDeliversItOnce() throws Exception {
        InMemoryOutboxQueue outbox = new InMemoryOutboxQueue();
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        String id = TestMessages.newMessageId();
        try (TcpProxy proxy = new TcpProxy(servers.submissionPort())) {
            MailAccount alice = servers.account("alice", servers.imapPort(), proxy.port());
            long entry = outbox.enqueue(alice.id(), id, TestMessages.bytes(TestMessages.withAttachment("alice@example.test",
                    "bob@example.test", "big", "big.pdf", new byte[6_000_000], id)));   // more than the kernel buffers take
            proxy.cutAfterClientBytes(300_000);

            OutboxRun first = sender(alice, servers.password(), outbox, status, null).sendPending();

            assertThat(first.requeued()).as(first.toString()).isEqualTo(1);
            assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.QUEUED);
            OutboxRun second = sender(alice, servers.password(), outbox, status, null).sendPending();
            assertThat(second.sent()).isEqualTo(1);
        }
        assertThat(within(Duration.ofSeconds(5), () -> {
            try {
                return countInInbox("bob", id) == 1;
            } catch (MessagingException e) {
                return false;
            }
        })).isTrue();
        Thread.sleep(1000);
        assertThat(countInInbox("bob", id)).as("exactly once").isEqualTo(1);
    }

    @Test
    void wrongPasswordsGiveAClearErrorMarkTheAccountAndCauseNoRetryStorm() throws Exception {
        InMemoryAccountStatusStore status = new InMemoryAccountStatusStore();
        try (TcpProxy imapProxy = new TcpProxy(servers.imapPort()); TcpProxy smtpProxy = new TcpProxy(servers.submissionPort())) {
            MailAccount bob = servers.account("bob", imapProxy.port(), smtpProxy.port());
            try (ImapMailSync sync = TestSync.sync(bob, "not-the-password", new InMemorySyncStore(), status, Set.of())) {
                assertThatThrownBy(sync::syncAll).hasMessageContaining("rejected the user name or password")
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.AUTHENTICATION_FAILED);
                InMemoryOutboxQueue outbox = new InMemoryOutboxQueue();
                long entry = outbox.enqueue(bob.id(), "<x@example.test>", TestMessages.bytes(TestMessages.plain(
                        "bob@example.test", "alice@example.test", "s", "x", "<x@example.test>")));
                for (int i = 0; i < 5; i++) {
                    assertThatThrownBy(sync::syncAll)
                            .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.ACCOUNT_LOCKED);
                    sender(bob, "not-the-password", outbox, status, null).sendPending();
                }
                assertThat(imapProxy.connections()).isEqualTo(1);
                assertThat(smtpProxy.connections()).isZero();
                assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.QUEUED);
            }
        }
        // and the submission server alone: 535 marks the account the same way
        InMemoryAccountStatusStore smtpStatus = new InMemoryAccountStatusStore();
        MailAccount alice = servers.account("alice");
        SmtpSubmitter submitter = new SmtpSubmitter(alice, Credentials.password(alice.username(), "nope".toCharArray()),
                new AuthenticationGuard(smtpStatus));
        assertThatThrownBy(() -> submitter.submit(TestMessages.bytes(TestMessages.plain("alice@example.test",
                "bob@example.test", "s", "x", TestMessages.newMessageId()))))
                .hasMessageContaining("535")
                .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.AUTHENTICATION_FAILED);
        assertThat(smtpStatus.authenticationFailure(alice.id())).isPresent();
    }

    @Test
    void aCertificateFromAnUnknownCaIsRefusedWithTheFingerprintOpensslShows() throws Exception {
        String openssl = PeerTool.run("openssl", "x509", "-in", servers.dir().resolve("tls/server.pem").toString(),
                "-noout", "-fingerprint", "-sha256").ok().out().trim();
        String expected = openssl.substring(openssl.indexOf('=') + 1);
        MailAccount trusting = servers.account("bob");
        List<MailAccount> untrusting = List.of(
                trusting.withTrust(AccountTrust.platform()),
                trusting.withTrust(AccountTrust.platform()).withServers(
                        new ServerEndpoint(servers.host(), servers.imapsPort(), ConnectionSecurity.IMPLICIT_TLS), trusting.smtp()));
        for (MailAccount account : untrusting) {
            try (ImapMailSync sync = TestSync.sync(account, servers.password(), new InMemorySyncStore(),
                    new InMemoryAccountStatusStore(), Set.of())) {
                assertThatThrownBy(sync::syncAll).isInstanceOf(MailServerException.class)
                        .hasMessageContaining("not trusted: SHA-256 " + expected)
                        .satisfies(e -> assertThat(((MailServerException) e).certificateFingerprint()).contains(expected))
                        .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.CERTIFICATE_UNTRUSTED);
            }
        }
        SmtpSubmitter submitter = new SmtpSubmitter(untrusting.get(0), Credentials.password("alice@example.test",
                servers.password().toCharArray()), new AuthenticationGuard(new InMemoryAccountStatusStore()));
        assertThatThrownBy(() -> submitter.submit(TestMessages.bytes(TestMessages.plain("alice@example.test",
                "bob@example.test", "s", "x", TestMessages.newMessageId()))))
                .hasMessageContaining("SHA-256 " + expected);
        // the user compares the fingerprint and pins it: accepted for this account, nothing else changed
        MailAccount pinned = trusting.withTrust(AccountTrust.platform().withPin(expected));
        try (ImapMailSync sync = TestSync.sync(pinned, servers.password(), new InMemorySyncStore(),
                new InMemoryAccountStatusStore(), Set.of())) {
            assertThat(sync.syncFolderList()).isNotEmpty();
        }
    }

    @Test
    void aRecipientPostfixRefusesFailsTheMessageWithoutRetry() throws Exception {
        MailAccount alice = servers.account("alice");
        InMemoryOutboxQueue outbox = new InMemoryOutboxQueue();
        String id = TestMessages.newMessageId();
        MimeMessage outside = TestMessages.plain("alice@example.test", "someone@elsewhere.invalid", "s", "x", id);
        long entry = outbox.enqueue(alice.id(), id, TestMessages.bytes(outside));

        OutboxRun run = sender(alice, servers.password(), outbox, new InMemoryAccountStatusStore(), null).sendPending();

        assertThat(run.failed()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.FAILED);
        assertThat(outbox.get(entry).lastError()).contains("550").contains("someone@elsewhere.invalid");
        assertThat(sender(alice, servers.password(), outbox, new InMemoryAccountStatusStore(), null).sendPending().sent()).isZero();
    }

    @Test
    void implicitTlsImapWorksAsWellAsStarttls() throws Exception {
        MailAccount bob = servers.account("bob").withServers(
                new ServerEndpoint(servers.host(), servers.imapsPort(), ConnectionSecurity.IMPLICIT_TLS),
                servers.account("bob").smtp());
        try (ImapMailSync sync = TestSync.sync(bob, servers.password(), new InMemorySyncStore(),
                new InMemoryAccountStatusStore(), Set.of())) {
            assertThat(sync.syncFolderList()).extracting(f -> f.role())
                    .contains(FolderRole.INBOX, FolderRole.SENT, FolderRole.DRAFTS, FolderRole.TRASH, FolderRole.JUNK,
                            FolderRole.ARCHIVE);
        }
        assertThat(uidInInbox("bob", "<no-such-id@example.test>")).isEqualTo(-1);
    }
}
