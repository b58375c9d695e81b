package org.sealmail.mailstore.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.accounts.ServerSettings;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.messages.MessageProtection;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestSync;

/** The IMAP sync writing into the real SQLite store (folders, header rows, FTS, bodies) against GreenMail. */
class SqliteSyncStoreTest {

    @TempDir
    Path profile;

    private TestGreenMail server;
    private SqliteMailStore db;
    private MailAccount bob;
    private ImapMailSync sync;
    private GreenMailUser bobUser;

    @BeforeEach
    void start() {
        server = new TestGreenMail();
        db = SqliteMailStore.open(profile);
        Account account = db.accounts().add(new Account(0, "bob@example.test",
                new ServerSettings("127.0.0.1", server.imapsPort(), org.sealmail.mailstore.accounts.ConnectionSecurity.IMPLICIT_TLS,
                        "bob@example.test"),
                new ServerSettings("127.0.0.1", server.smtpsPort(), org.sealmail.mailstore.accounts.ConnectionSecurity.IMPLICIT_TLS,
                        "bob@example.test"),
                List.of(new Identity("Bob", "bob@example.test", null, null)), ComposeProtection.NONE));
        MailAccount template = server.account("bob");
        bob = new MailAccount(String.valueOf(account.id()), template.email(), template.imap(), template.smtp(),
                template.username(), template.trust(), template.bodyPolicy(), false);
        bobUser = server.greenMail().getUserManager().getUser("bob@example.test");
        sync = TestSync.sync(bob, TestGreenMail.PASSWORD, new SqliteSyncStore(db, Clock.systemUTC()),
                new InMemoryAccountStatusStore(), Set.of());
    }

    @AfterEach
    void stop() {
        sync.close();
        db.close();
        server.close();
    }

    private long inboxId() {
        return db.folders().findByName(Long.parseLong(bob.id()), "INBOX").orElseThrow().id();
    }

    @Test
    void syncedHeadersAreSearchableAndBodiesAttachOnDemand() {
        String id = TestMessages.newMessageId();
        bobUser.deliver(TestMessages.withAttachment("Alice <alice@example.test>", "bob@example.test",
                "quarterly figures", "q3.pdf", new byte[] {1}, id));

        sync.syncAll();

        List<StoredMessage> rows = db.messages().newest(inboxId(), 0, 10);
        assertThat(rows).hasSize(1);
        StoredMessage row = rows.get(0);
        assertThat(row.messageId()).isEqualTo(id);
        assertThat(row.uid()).isNotNull();
        assertThat(row.bodyFetched()).isFalse();
        assertThat(row.mimeStructure()).isEqualTo("multipart/mixed(text/plain,application/pdf)");
        assertThat(row.from()).extracting(a -> a.address()).containsExactly("alice@example.test");
        assertThat(db.search().search("quarterly", 10)).extracting(StoredMessage::id).containsExactly(row.id());

        sync.body("INBOX", row.uid());

        assertThat(db.messages().find(row.id()).orElseThrow().bodyFetched()).isTrue();
        assertThat(db.search().search("attached", 10)).as("body text indexed once fetched").hasSize(1);
        assertThat(sync.syncFolder("INBOX").changedAnything()).isFalse();
    }

    @Test
    void anEncryptedMessageIsMarkedProtectedFromItsStructureAlone() throws Exception {
        MimeMessage encrypted = new MimeMessage(Session.getInstance(new Properties()));
        encrypted.setFrom("alice@example.test");
        encrypted.setRecipients(Message.RecipientType.TO, "bob@example.test");
        encrypted.setSubject("secret plans");
        encrypted.setContent(new byte[] {0x30, (byte) 0x80}, "application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m");
        encrypted.saveChanges();
        bobUser.deliver(encrypted);

        sync.syncAll();

        StoredMessage row = db.messages().newest(inboxId(), 0, 10).get(0);
        assertThat(row.protection()).isEqualTo(MessageProtection.SMIME_ENCRYPTED);
        assertThat(db.search().search("secret", 10)).as("subject stays searchable").hasSize(1);
    }

    @Test
    void serverFlagsAndExpungesReachTheStoreAndAUidValidityChangeEmptiesTheFolder() throws Exception {
        for (int i = 0; i < 3; i++) {
            bobUser.deliver(TestMessages.plain("alice@example.test", "bob@example.test", "m" + i, "x", TestMessages.newMessageId()));
        }
        sync.syncAll();
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(server.imapPort()));
        try (Store other = Session.getInstance(p).getStore("imap")) {
            other.connect("bob@example.test", TestGreenMail.PASSWORD);
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.SEEN, true);
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
        }

        FolderSyncResult result = sync.syncFolder("INBOX");

        assertThat(result.flagsUpdated()).isEqualTo(1);
        assertThat(result.removed()).isEqualTo(1);
        List<StoredMessage> rows = db.messages().newest(inboxId(), 0, 10);
        assertThat(rows).extracting(StoredMessage::subject).containsExactlyInAnyOrder("m0", "m2");
        assertThat(rows.stream().filter(r -> r.subject().equals("m0")).findFirst().orElseThrow().flags())
                .contains(org.sealmail.mailstore.messages.MessageFlag.SEEN);

        SqliteSyncStore store = new SqliteSyncStore(db, Clock.systemUTC());
        long validity = store.syncState(bob.id(), "INBOX").orElseThrow().uidValidity();
        store.resetFolder(bob.id(), "INBOX", validity + 1);
        assertThat(db.messages().count(inboxId())).isZero();
        assertThat(db.search().search("m0", 10)).isEmpty();
        assertThat(store.syncState(bob.id(), "INBOX").orElseThrow()).isEqualTo(new FolderSyncState(validity + 1, 0));
    }
}
