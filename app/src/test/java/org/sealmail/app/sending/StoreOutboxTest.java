package org.sealmail.app.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.outbox.OutboxEntry;
import org.sealmail.mailstore.outbox.OutboxState;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.sealmail.policy.send.SendRequest;
import org.sealmail.policy.send.SendStatus;

/** The send pipeline writing into the real SQLite outbox. */
class StoreOutboxTest {

    @TempDir
    Path dir;

    @Test
    void aMessageTheRulesProtectIsQueuedProtectedAndABlockedOneIsNotQueued() throws Exception {
        TestPki pki = TestPki.get();
        Path rules = Files.writeString(dir.resolve("r.rules"), "rule \"cards\"\n  when sensitive card\n"
                + "  then template do-not-forward\nrule \"secret\"\n  when subject contains secret\n  then block \"No.\"\n");
        try (SqliteMailStore store = SqliteMailStore.open(dir.resolve("profile"))) {
            long account = store.accounts().add(new Account(0, "Alice", null, null, List.of(), ComposeProtection.NONE)).id();
            OutgoingMessagePipeline pipeline = new OutgoingMessagePipeline(RuleSetHolder.load(rules),
                    address -> address.equals("bob@example.test") ? List.of(pki.bob.certificate()) : List.of(),
                    new StoreOutbox(store.outbox(), account, Clock.systemUTC()), Clock.systemUTC());

            assertThat(pipeline.send(SendRequest.of(message("Card", "Visa 4111 1111 1111 1111"), pki.alice)).status())
                    .isEqualTo(SendStatus.QUEUED);
            assertThat(pipeline.send(SendRequest.of(message("secret plan", "x"), pki.alice)).status())
                    .isEqualTo(SendStatus.BLOCKED);

            List<OutboxEntry> queued = store.outbox().list(OutboxState.QUEUED);
            assertThat(queued).singleElement().satisfies(entry -> {
                assertThat(entry.accountId()).isEqualTo(account);
                assertThat(entry.envelopeFrom()).isEqualTo("alice@example.test");
                assertThat(entry.recipients()).containsExactly("bob@example.test");
            });
            byte[] raw = store.outbox().raw(queued.get(0).id());
            assertThat(new String(raw, StandardCharsets.US_ASCII)).doesNotContain("4111");
            assertThat(new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), Clock.systemUTC()).open(raw).status())
                    .isEqualTo(OpenStatus.OPENED);
        }
    }

    private static MimeMessage message(String subject, String body) throws Exception {
        String text = ("From: alice@example.test\nTo: bob@example.test\nSubject: " + subject
                + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n").replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
