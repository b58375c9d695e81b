package org.sealmail.mailstore.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.ImapSentFolder;
import org.sealmail.mailstore.server.AuthenticationGuard;
import org.sealmail.mailstore.server.Credentials;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.server.MailServerFailure;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemoryOutboxQueue;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.TcpProxy;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestMessages;
import org.sealmail.mailstore.testing.TestSync;

/** SMTP submission (SMTPS, AUTH) and the outbox's durability rules against GreenMail. */
class OutboxSenderTest {

    private TestGreenMail server;
    private TcpProxy smtpProxy;
    private MailAccount alice;
    private InMemoryAccountStatusStore status;
    private InMemoryOutboxQueue outbox;
    private ImapMailSync aliceSync;

    @BeforeEach
    void start() throws MessagingException {
        server = new TestGreenMail();
        smtpProxy = new TcpProxy(server.smtpsPort());
        alice = server.account("alice", server.imapsPort(), smtpProxy.port());
        status = new InMemoryAccountStatusStore();
        outbox = new InMemoryOutboxQueue();
        aliceSync = TestSync.sync(alice, TestGreenMail.PASSWORD, new InMemorySyncStore(), status, Set.of());
        try (Store other = plainImap("alice@example.test")) {
            other.getFolder("Sent").create(Folder.HOLDS_MESSAGES);
        }
    }

    @AfterEach
    void stop() {
        aliceSync.close();
        smtpProxy.close();
        server.close();
    }

    private Store plainImap(String user) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(server.imapPort()));
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(user, TestGreenMail.PASSWORD);
        return store;
    }

    private OutboxSender sender(MailAccount account, String password) {
        SmtpSubmitter submitter = new SmtpSubmitter(account, Credentials.password(account.username(), password.toCharArray()),
                new AuthenticationGuard(status));
        return new OutboxSender(account, outbox, submitter, new ImapSentFolder(aliceSync), 5);
    }

    private long queue(MimeMessage message) throws MessagingException {
        return outbox.enqueue(alice.id(), message.getMessageID(), TestMessages.bytes(message));
    }

    /** @return the messages with that Message-ID in the user's INBOX (GreenMail's received list also holds Sent copies) */
    private MimeMessage[] receivedWithId(String user, String messageId) throws Exception {
        com.icegreen.greenmail.user.GreenMailUser account = server.greenMail().getUserManager().getUser(user);
        return server.greenMail().getManagers().getImapHostManager().getInbox(account).getMessages().stream()
                .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage)
                .filter(m -> {
                    try {
                        return messageId.equals(m.getMessageID());
                    } catch (MessagingException e) {
                        return false;
                    }
                }).toArray(MimeMessage[]::new);
    }

    private MimeMessage[] receivedWithId(String messageId) throws Exception {
        return receivedWithId("bob@example.test", messageId);
    }

    @Test
    void aQueuedMessageIsSentOnceWithItsMessageIdAndFiledInSent() throws Exception {
        String id = TestMessages.newMessageId();
        MimeMessage message = TestMessages.plain("alice@example.test", "bob@example.test", "hello", "hi bob", id);
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress("carol@example.test"));
        long entry = queue(message);

        OutboxRun run = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(run.sent()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.SENT);
        assertThat(outbox.get(entry).attempts()).isEqualTo(1);
        MimeMessage[] received = receivedWithId(id);
        assertThat(received).hasSize(1);
        assertThat(receivedWithId("carol@example.test", id)).as("the Bcc recipient got it").hasSize(1);
        assertThat(received[0].getHeader("Bcc")).as("Bcc is not transmitted").isNull();
        assertThat(aliceSync.containsMessageId("Sent", id)).isTrue();
    }

    @Test
    void aServerThatFilesSentMailItselfGetsNoAppend() throws Exception {
        MailAccount filing = new MailAccount(alice.id(), alice.email(), alice.imap(), alice.smtp(), alice.username(),
                alice.trust(), alice.bodyPolicy(), true);
        String id = TestMessages.newMessageId();
        queue(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", id));

        sender(filing, TestGreenMail.PASSWORD).sendPending();

        assertThat(receivedWithId(id)).hasSize(1);
        assertThat(aliceSync.containsMessageId("Sent", id)).isFalse();
    }

    @Test
    void aConnectionDroppedDuringDataLeavesTheMessageQueuedAndItIsLaterSentOnce() throws Exception {
        String id = TestMessages.newMessageId();
        long entry = queue(TestMessages.withAttachment("alice@example.test", "bob@example.test", "big", "big.pdf",
                new byte[6_000_000], id));   // more than the kernel buffers take
        smtpProxy.cutAfterClientBytes(300_000);   // well inside DATA: the greeting, TLS and AUTH are a few KiB

        OutboxRun first = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(first.requeued()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.QUEUED);
        assertThat(outbox.get(entry).lastError()).contains("connection");
        assertThat(receivedWithId(id)).isEmpty();

        OutboxRun second = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.SENT);
        assertThat(outbox.get(entry).attempts()).isEqualTo(2);
        assertThat(receivedWithId(id)).hasSize(1);
    }

    @Test
    void aMessageLeftSendingByACrashIsNotResentWhenSentHoldsIt() throws Exception {
        String id = TestMessages.newMessageId();
        MimeMessage message = TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", id);
        long entry = queue(message);
        outbox.markSending(entry);               // the crash came after the server accepted it and filed it in Sent
        aliceSync.append("Sent", TestMessages.bytes(message), new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN));

        OutboxRun run = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(run.recoveredAsSent()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.SENT);
        assertThat(receivedWithId(id)).isEmpty();
        assertThat(smtpProxy.connections()).isZero();
    }

    @Test
    void aMessageLeftSendingAndAbsentFromSentIsSentAgainOnce() throws Exception {
        String id = TestMessages.newMessageId();
        long entry = queue(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", id));
        outbox.markSending(entry);               // the crash came before MAIL FROM

        OutboxRun run = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(run.sent()).isEqualTo(1);
        assertThat(outbox.get(entry).attempts()).isEqualTo(2);
        assertThat(receivedWithId(id)).hasSize(1);
    }

    @Test
    void aLostReplyToTheEndOfDataLeavesTheOutcomeUnknownAndThatIsTheDuplicateWindow() throws Exception {
        String id = TestMessages.newMessageId();
        byte[] bytes = TestMessages.bytes(TestMessages.withAttachment("alice@example.test", "bob@example.test", "s", "a.pdf",
                new byte[200_000], id));
        long entry = outbox.enqueue(alice.id(), id, bytes);
        smtpProxy.silenceRepliesAfterClientBytes(bytes.length);   // the server gets everything, we never hear "250"

        OutboxRun first = sender(alice, TestGreenMail.PASSWORD).sendPending();

        assertThat(first.unknown()).as(first.toString()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.SENDING);
        assertThat(receivedWithId(id)).as("the server did accept it").hasSize(1);
        // GreenMail does not file into Sent: recovery cannot find it and sends again (documented window)
        OutboxRun second = sender(alice, TestGreenMail.PASSWORD).sendPending();
        assertThat(second.sent()).isEqualTo(1);
        assertThat(receivedWithId(id)).hasSize(2);
    }

    @Test
    void aWrongPasswordMarksTheAccountAndLeavesTheMessageQueuedWithoutRetrying() throws Exception {
        long entry = queue(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", TestMessages.newMessageId()));

        OutboxRun first = sender(alice, "wrong").sendPending();

        assertThat(first.requeued()).isEqualTo(1);
        assertThat(outbox.get(entry).state()).isEqualTo(OutboxState.QUEUED);
        assertThat(outbox.get(entry).lastError()).contains("rejected the user name or password");
        assertThat(status.authenticationFailure(alice.id())).isPresent();
        for (int i = 0; i < 3; i++) {
            sender(alice, "wrong").sendPending();
        }
        assertThat(smtpProxy.connections()).isEqualTo(1);
        assertThat(outbox.get(entry).lastError()).contains("marked 'authentication failed'");
    }

    @Test
    void xoauth2IsUsedWhenATokenIsGiven() throws Exception {
        String id = TestMessages.newMessageId();
        byte[] message = TestMessages.bytes(TestMessages.plain("alice@example.test", "bob@example.test", "s", "x", id));
        // GreenMail accepts the user's password as the bearer token
        SmtpSubmitter withToken = new SmtpSubmitter(alice, Credentials.oauth2(alice.username(),
                TestGreenMail.PASSWORD.toCharArray()), new AuthenticationGuard(status));
        SmtpSubmitter wrongToken = new SmtpSubmitter(alice, Credentials.oauth2(alice.username(), "expired".toCharArray()),
                new AuthenticationGuard(new InMemoryAccountStatusStore()));

        assertThat(withToken.submit(message)).startsWith("250");
        assertThatThrownBy(() -> wrongToken.submit(message)).isInstanceOf(SubmissionException.class)
                .extracting(e -> ((SubmissionException) e).failure()).isEqualTo(MailServerFailure.AUTHENTICATION_FAILED);
        assertThat(receivedWithId(id)).hasSize(1);
    }
}
