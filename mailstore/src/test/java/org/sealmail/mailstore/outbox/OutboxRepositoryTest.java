package org.sealmail.mailstore.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;

class OutboxRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path profile;

    @Test
    void aMessageGoesQueuedSendingSent() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            OutboxRepository outbox = store.outbox();
            long account = account(store);
            byte[] raw = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
            long id = outbox.enqueue(account, "ann@example.test", List.of("bob@example.test", "carl@example.test"), raw, T0);

            OutboxEntry claimed = outbox.claimNext(T0).orElseThrow();
            assertThat(claimed.id()).isEqualTo(id);
            assertThat(claimed.state()).isEqualTo(OutboxState.SENDING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.recipients()).containsExactly("bob@example.test", "carl@example.test");
            assertThat(outbox.raw(id)).isEqualTo(raw);
            assertThat(outbox.claimNext(T0)).isEmpty();

            outbox.markSent(id, T0.plusSeconds(1));
            assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        }
    }

    @Test
    void aTemporaryFailureWaitsAndAPermanentOneStops() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            OutboxRepository outbox = store.outbox();
            long id = outbox.enqueue(account(store), "a@example.test", List.of("b@example.test"), new byte[] {'x'}, T0);
            outbox.claimNext(T0);
            outbox.markFailed(id, "451 4.3.0 try later", T0, T0.plusSeconds(300));

            assertThat(outbox.claimNext(T0.plusSeconds(299))).isEmpty();
            OutboxEntry retry = outbox.claimNext(T0.plusSeconds(300)).orElseThrow();
            assertThat(retry.attempts()).isEqualTo(2);
            assertThat(retry.lastError()).isEqualTo("451 4.3.0 try later");

            outbox.markFailed(id, "550 5.1.1 no such user", T0.plusSeconds(301), null);
            assertThat(outbox.list(OutboxState.FAILED)).extracting(OutboxEntry::lastError).containsExactly("550 5.1.1 no such user");
            assertThat(outbox.claimNext(T0.plusSeconds(10_000))).isEmpty();
        }
    }

    @Test
    void aSendInterruptedByACrashIsQueuedAgainAfterReopening() {
        long id;
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            id = store.outbox().enqueue(account(store), "a@example.test", List.of("b@example.test"), new byte[] {'x'}, T0);
            store.outbox().claimNext(T0);
        }
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            assertThat(store.outbox().list(OutboxState.SENDING)).extracting(OutboxEntry::id).containsExactly(id);
            assertThat(store.outbox().requeueInterrupted(T0.plusSeconds(60))).isEqualTo(1);
            assertThat(store.outbox().claimNext(T0.plusSeconds(60)).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    private static long account(SqliteMailStore store) {
        return store.accounts().add(new Account(0, "A", null, null, List.of(), ComposeProtection.NONE)).id();
    }
}
