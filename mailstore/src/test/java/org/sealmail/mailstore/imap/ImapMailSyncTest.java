package org.sealmail.mailstore.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.imap.FolderSyncResult.SyncStrategy;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerException;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestSync;

/** IMAP sync against GreenMail (no CONDSTORE/QRESYNC, so the UID/FLAGS diff path), over IMAPS with the test CA. */
class ImapMailSyncTest {

    private TestGreenMail server;
    private InMemorySyncStore store;
    private MailAccount bob;
    private ImapMailSync sync;
    private GreenMailUser bobUser;

    @BeforeEach
    void start() {
        server = new TestGreenMail();
        store = new InMemorySyncStore();
        bob = server.account("bob");
        bobUser = server.greenMail().getUserManager().getUser("bob@example.test");
        sync = TestSync.sync(bob, TestGreenMail.PASSWORD, store, new InMemoryAccountStatusStore(), Set.of());
    }

    @AfterEach
    void stop() {
        sync.close();
        server.close();
    }

    /** A second client that changes the mailbox behind our back, as another device would. */
    private Store otherClient() throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(server.imapPort()));
        Store other = Session.getInstance(p).getStore("imap");
        other.connect("bob@example.test", TestGreenMail.PASSWORD);
        return other;
    }

    @Test
    void initialSyncStoresEnvelopesFlagsAndStructureButNoBodies() {
        String id1 = TestMessages.newMessageId();
        String id2 = TestMessages.newMessageId();
        bobUser.deliver(TestMessages.plain("Alice <alice@example.test>", "bob@example.test", "Grüße", "hello", id1));
        bobUser.deliver(TestMessages.withAttachment("alice@example.test", "bob@example.test", "report", "q3.pdf",
                new byte[] {'%', 'P', 'D', 'F'}, id2));

        List<FolderSyncResult> results = sync.syncAll();

        assertThat(results).extracting(FolderSyncResult::folder).contains("INBOX");
        assertThat(sync.capabilities().qresync()).isFalse();
        List<MessageSummary> inbox = store.messages(bob.id(), "INBOX");
        assertThat(inbox).hasSize(2);
        MessageSummary first = inbox.get(0);
        assertThat(first.messageId()).isEqualTo(id1);
        assertThat(first.subject()).isEqualTo("Grüße");                       // RFC 2047 decoded
        assertThat(first.from()).containsExactly("Alice <alice@example.test>");
        assertThat(first.to()).containsExactly("bob@example.test");
        assertThat(first.sentDate()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(first.flags().seen()).isFalse();
        assertThat(first.structure().contentType()).startsWith("text/plain");
        assertThat(first.structure().hasAttachments()).isFalse();
        MessageSummary second = inbox.get(1);
        assertThat(second.structure().contentType()).startsWith("multipart/mixed");
        assertThat(second.structure().parsedLocally()).isFalse();
        assertThat(second.structure().parts()).extracting(MessagePart::section).containsExactly("1", "2");
        assertThat(second.structure().parts().get(1).contentType()).isEqualTo("application/pdf; name=q3.pdf");
        assertThat(second.structure().parts().get(1).filename()).isEqualTo("q3.pdf");
        assertThat(second.structure().hasAttachments()).isTrue();
        assertThat(store.hasBody(bob.id(), "INBOX", first.uid())).isFalse();
        assertThat(store.syncState(bob.id(), "INBOX")).isPresent();
    }

    @Test
    void bodiesAreFetchedOnDemandWithoutSettingSeen() throws Exception {
        String id = TestMessages.newMessageId();
        bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "s", "the body text", id));
        sync.syncAll();
        long uid = store.messages(bob.id(), "INBOX").get(0).uid();

        byte[] body = sync.body("INBOX", uid);

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Message-ID: " + id).contains("the body text");
        assertThat(store.hasBody(bob.id(), "INBOX", uid)).isTrue();
        try (Store other = otherClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).as("BODY.PEEK leaves \\Seen alone").isFalse();
        }
    }

    @Test
    void aBodyPolicyFetchesSmallBodiesDuringSync() {
        MailAccount policyBob = bob.withBodyPolicy(BodyPolicy.upTo(10_000));
        try (ImapMailSync policySync = TestSync.sync(policyBob, TestGreenMail.PASSWORD, store,
                new InMemoryAccountStatusStore(), Set.of())) {
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "small", "x", TestMessages.newMessageId()));
            bobUser.deliver(TestMessages.withAttachment("alice@example.test", "bob@example.test", "big", "big.pdf",
                    new byte[50_000], TestMessages.newMessageId()));

            FolderSyncResult result = policySync.syncFolder("INBOX");

            assertThat(result.bodiesFetched()).isEqualTo(1);
            List<MessageSummary> rows = store.messages(bob.id(), "INBOX");
            assertThat(store.hasBody(bob.id(), "INBOX", rows.get(0).uid())).isTrue();
            assertThat(store.hasBody(bob.id(), "INBOX", rows.get(1).uid())).isFalse();
        }
    }

    @Test
    void incrementalSyncPicksUpNewMessagesServerFlagsAndExpunges() throws Exception {
        for (int i = 0; i < 3; i++) {
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "x", TestMessages.newMessageId()));
        }
        sync.syncFolder("INBOX");
        List<MessageSummary> before = store.messages(bob.id(), "INBOX");
        try (Store other = otherClient()) {
            IMAPFolder inbox = (IMAPFolder) other.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessageByUID(before.get(0).uid()).setFlag(Flags.Flag.FLAGGED, true);
            inbox.getMessageByUID(before.get(1).uid()).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
            inbox.close(false);
        }
        bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "m3", "x", TestMessages.newMessageId()));

        FolderSyncResult result = sync.syncFolder("INBOX");

        assertThat(result.strategy()).isEqualTo(SyncStrategy.UID_FLAGS_DIFF);
        assertThat(result).extracting(FolderSyncResult::added, FolderSyncResult::flagsUpdated, FolderSyncResult::removed)
                .containsExactly(1, 1, 1);
        List<MessageSummary> after = store.messages(bob.id(), "INBOX");
        assertThat(after).extracting(MessageSummary::subject).containsExactly("m0", "m2", "m3");
        assertThat(after.get(0).flags().flagged()).isTrue();
        FolderSyncResult unchanged = sync.syncFolder("INBOX");
        assertThat(unchanged.changedAnything()).isFalse();
    }

    @Test
    void localFlagChangesReachTheServer() throws Exception {
        bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", TestMessages.newMessageId()));
        sync.syncFolder("INBOX");
        MessageSummary row = store.messages(bob.id(), "INBOX").get(0);
        long uidValidity = store.syncState(bob.id(), "INBOX").orElseThrow().uidValidity();

        Flags seenFlagged = new Flags(Flags.Flag.SEEN);
        seenFlagged.add(Flags.Flag.FLAGGED);
        seenFlagged.add("$Important");
        sync.updateFlags("INBOX", uidValidity, List.of(row.uid()), seenFlagged, true);

        assertThat(store.message(bob.id(), "INBOX", row.uid()).orElseThrow().flags())
                .isEqualTo(new MessageFlags(true, false, true, false, false, Set.of("$Important")));
        try (Store other = otherClient()) {
            IMAPFolder inbox = (IMAPFolder) other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Flags onServer = inbox.getMessageByUID(row.uid()).getFlags();
            assertThat(onServer.contains(Flags.Flag.SEEN)).isTrue();
            assertThat(onServer.contains(Flags.Flag.FLAGGED)).isTrue();
            assertThat(onServer.contains("$Important")).isTrue();
        }
    }

    @Test
    void anOperationWithAStaleUidValidityIsRefusedAndChangesNothing() throws Exception {
        bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", TestMessages.newMessageId()));
        sync.syncFolder("INBOX");
        MessageSummary row = store.messages(bob.id(), "INBOX").get(0);
        long uidValidity = store.syncState(bob.id(), "INBOX").orElseThrow().uidValidity();

        assertThatThrownBy(() -> sync.expunge("INBOX", uidValidity + 1, List.of(row.uid())))
                .isInstanceOf(MailServerException.class)
                .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.UIDVALIDITY_CHANGED);
        try (Store other = otherClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void aChangedUidValidityDropsTheFolderCacheAndResyncs() throws Exception {
        try (Store other = otherClient()) {
            other.getFolder("Work").create(Folder.HOLDS_MESSAGES);
            Folder work = other.getFolder("Work");
            work.appendMessages(new Message[] {TestMessages.plain("alice@example.test", "bob@example.test", "old", "x",
                    TestMessages.newMessageId())});
        }
        sync.syncAll();
        long oldValidity = store.syncState(bob.id(), "Work").orElseThrow().uidValidity();
        MessageSummary oldRow = store.messages(bob.id(), "Work").get(0);
        sync.body("Work", oldRow.uid());
        Thread.sleep(1100);   // GreenMail derives UIDVALIDITY from the clock
        try (Store other = otherClient()) {
            other.getFolder("Work").delete(true);
            other.getFolder("Work").create(Folder.HOLDS_MESSAGES);
            other.getFolder("Work").appendMessages(new Message[] {TestMessages.plain("alice@example.test",
                    "bob@example.test", "new", "x", TestMessages.newMessageId())});
        }

        FolderSyncResult result = sync.syncFolder("Work");

        assertThat(result.uidValidityReset()).isTrue();
        long newValidity = store.syncState(bob.id(), "Work").orElseThrow().uidValidity();
        assertThat(newValidity).isNotEqualTo(oldValidity);
        assertThat(store.messages(bob.id(), "Work")).extracting(MessageSummary::subject).containsExactly("new");
        assertThat(store.hasBody(bob.id(), "Work", oldRow.uid())).as("old body dropped").isFalse();
        assertThatThrownBy(() -> sync.expunge("Work", oldValidity, List.of(oldRow.uid())))
                .extracting(e -> ((MailServerException) e).failure()).isEqualTo(MailServerFailure.UIDVALIDITY_CHANGED);
        assertThat(store.messages(bob.id(), "Work")).hasSize(1);
    }

    @Test
    void movesUseMoveOrFallBackToCopyAndExpunge() throws Exception {
        try (Store other = otherClient()) {
            other.getFolder("Archive").create(Folder.HOLDS_MESSAGES);
        }
        for (int i = 0; i < 2; i++) {
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "x", TestMessages.newMessageId()));
        }
        sync.syncAll();
        long validity = store.syncState(bob.id(), "INBOX").orElseThrow().uidValidity();
        List<MessageSummary> rows = store.messages(bob.id(), "INBOX");

        sync.move("INBOX", validity, List.of(rows.get(0).uid()), "Archive");
        try (ImapMailSync noMove = TestSync.sync(bob, TestGreenMail.PASSWORD, store, new InMemoryAccountStatusStore(),
                Set.of("MOVE"))) {
            assertThat(noMove.capabilities().move()).isFalse();
            noMove.move("INBOX", validity, List.of(rows.get(1).uid()), "Archive");
        }

        assertThat(store.messages(bob.id(), "INBOX")).isEmpty();
        assertThat(store.folders(bob.id())).filteredOn(f -> f.name().equals("Archive"))
                .extracting(FolderInfo::role).containsExactly(FolderRole.ARCHIVE);
        sync.syncFolder("Archive");
        assertThat(store.messages(bob.id(), "Archive")).extracting(MessageSummary::subject).containsExactly("m0", "m1");
        try (Store other = otherClient()) {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            Folder archive = other.getFolder("Archive");
            archive.open(Folder.READ_ONLY);
            assertThat(archive.getMessageCount()).isEqualTo(2);
        }
    }

    @Test
    void appendToSentStoresTheMessageUnderItsAppendUid() throws Exception {
        try (Store other = otherClient()) {
            other.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
        }
        sync.syncAll();
        String id = TestMessages.newMessageId();
        MimeMessage sent = TestMessages.plain("bob@example.test", "alice@example.test", "my sent mail", "x", id);

        String sentFolder = sync.folderWithRole(FolderRole.SENT).orElseThrow();
        long uid = sync.append(sentFolder, TestMessages.bytes(sent), new Flags(Flags.Flag.SEEN)).orElseThrow();

        assertThat(sentFolder).isEqualTo("Sent");
        MessageSummary row = store.message(bob.id(), "Sent", uid).orElseThrow();
        assertThat(row.messageId()).isEqualTo(id);
        assertThat(row.flags().seen()).isTrue();
        assertThat(sync.containsMessageId("Sent", id)).isTrue();
        assertThat(sync.containsMessageId("Sent", TestMessages.newMessageId())).isFalse();
        assertThat(sync.syncFolder("Sent").added()).as("already stored; the next sync adds nothing").isZero();
    }
}
