package org.sealmail.mailstore.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.folders.Folder;

class ConcurrentAccessTest {

    @TempDir
    Path profile;

    @Test
    void processesOpeningANewProfileAtTheSameTimeAllSucceedAndMigrateOnce() throws Exception {
        // each open() uses its own connections, as separate processes do (two `sealmail store import`
        // started together on a new profile used to fail: file creation race, Flyway SQLITE_BUSY_SNAPSHOT)
        int opening = 4;
        ExecutorService threads = Executors.newFixedThreadPool(opening);
        try {
            for (int round = 0; round < 12; round++) {
                Path fresh = profile.resolve("race-" + round);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(opening);
                java.util.List<Future<Long>> opened = new java.util.ArrayList<>();
                for (int i = 0; i < opening; i++) {
                    String name = "Folder " + i;
                    opened.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try (SqliteMailStore store = SqliteMailStore.open(fresh)) {
                            return store.folders().localFolder(name).id();
                        }
                    }));
                }
                for (Future<Long> future : opened) {
                    assertThat(future.get(60, TimeUnit.SECONDS)).isPositive();
                }
                try (SqliteMailStore store = SqliteMailStore.open(fresh)) {
                    assertThat(store.statistics().folders()).isEqualTo(opening);
                    assertThat(store.statistics().schemaVersion()).isEqualTo("2");
                    int migrations = store.database().read("counting migrations", connection -> {
                        try (var statement = connection.createStatement();
                                var row = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 1")) {
                            row.next();
                            return row.getInt(1);
                        }
                    });
                    assertThat(migrations).isEqualTo(2);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void readersAreNotBlockedByAnOpenWriteTransactionAndSeeTheLastCommit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder inbox = store.folders().localFolder("Inbox");
            store.messages().add(inbox.id(), StoreFixture.incoming(
                    StoreFixture.plain("1@x", "a@x.test", "b@x.test", "committed", "x"), Instant.EPOCH));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);

            Future<?> writer = threads.submit(() -> store.database().write("long sync", connection -> {
                store.messages().add(inbox.id(), StoreFixture.incoming(
                        StoreFixture.plain("2@x", "a@x.test", "b@x.test", "uncommitted", "x"), Instant.EPOCH));
                writing.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            // the writer holds its transaction open; readers on other threads answer anyway,
            // from the last committed snapshot
            CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> store.messages().count(inbox.id()), threads);
            CompletableFuture<Integer> search = CompletableFuture.supplyAsync(
                    () -> store.search().search("uncommitted", 10).size(), threads);
            assertThat(count.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(search.get(5, TimeUnit.SECONDS)).isZero();
            assertThat(writer.isDone()).isFalse();

            // a second writer waits for the first transaction only, then goes through
            CompletableFuture<Long> secondWriter = CompletableFuture.supplyAsync(() -> store.messages().add(inbox.id(),
                    StoreFixture.incoming(StoreFixture.plain("3@x", "a@x.test", "b@x.test", "third", "x"), Instant.EPOCH))
                    .messageId(), threads);
            Thread.sleep(200);
            assertThat(secondWriter.isDone()).isFalse();
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(secondWriter.get(10, TimeUnit.SECONDS)).isPositive();
            assertThat(store.messages().count(inbox.id())).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anotherProcessReadingTheSameFileIsNotBlockedEither() throws Exception {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder inbox = store.folders().localFolder("Inbox");
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<?> writer = thread.submit(() -> store.database().write("long sync", connection -> {
                    store.messages().add(inbox.id(), StoreFixture.incoming(
                            StoreFixture.plain("2@x", "a@x.test", "b@x.test", "uncommitted", "x"), Instant.EPOCH));
                    writing.countDown();
                    awaitQuietly(release);
                    return null;
                }));
                assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
                // a second, independent store on the same file (as the CLI beside the app would be)
                try (SqliteMailStore other = SqliteMailStore.open(profile)) {
                    assertThat(other.statistics().messages()).isZero();
                }
                release.countDown();
                writer.get(10, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
