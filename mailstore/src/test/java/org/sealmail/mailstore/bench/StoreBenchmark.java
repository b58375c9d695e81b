package org.sealmail.mailstore.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.db.StoreStatistics;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.transfer.ImportProgress;
import org.sealmail.mailstore.transfer.ImportReport;
import org.sealmail.mailstore.transfer.MboxReader;
import org.sealmail.mailstore.transfer.MboxWriter;

/**
 * The store benchmark of issue 3 (not a test): builds an N-message store from a real corpus
 * (replicated with fresh Message-IDs), side by side with the sqlite3 command-line shell inserting
 * the same raw messages into a bare table, and prints import rate, size on disk, heap use during
 * import, search latency p50/p99 over 20 queries and the time to list the newest 200 messages.
 *
 * <p>Arguments: CORPUS.mbox N WORK-DIR [measure-only]. With "measure-only", the store already built
 * in WORK-DIR/profile is only measured again (search and newest-200, three rounds). Run through
 * {@code mailstore/bench/run.sh}.
 */
public final class StoreBenchmark {

    private static final List<String> QUERIES = List.of("linux", "money", "free", "razor", "spamassassin", "perl",
            "\"mailing list\"", "subject:re", "from:yahoo.com", "click*", "python", "kernel", "exmh", "investment",
            "from:redhat.com", "body:unsubscribe", "mortgage rates", "zzzzquux", "apt-get", "sourceforge.net");

    private StoreBenchmark() {
    }

    /** @param args corpus mbox, message count, work directory */
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        if (args.length > 3 && args[3].equals("measure-only")) {
            try (SqliteMailStore store = SqliteMailStore.open(work.resolve("profile"))) {
                Folder folder = store.folders().localFolder("Bench");
                report("measuring the store in %s again (%d messages)", work.resolve("profile"), store.statistics().messages());
                for (int round = 1; round <= 3; round++) {
                    report("round %d:", round);
                    searchLatency(store);
                    newestLatency(store, folder);
                }
            }
            return;
        }
        List<byte[]> messages = readCorpus(corpus);
        report("corpus: %s, %d messages; building %d (copies with fresh Message-IDs)", corpus, messages.size(), count);

        Path mbox = work.resolve("bench.mbox");
        Path rawDirectory = Files.createDirectories(work.resolve("raw"));
        long rawBytes = writeInputs(messages, count, mbox, rawDirectory);
        report("input: %d messages, %.1f MB raw", count, rawBytes / 1e6);

        floor(rawDirectory, work.resolve("floor.db"), count);
        sealmail(mbox, work.resolve("profile"), count);
    }

    private static void sealmail(Path mbox, Path profile, int count) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        ImportReport report;
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder folder = store.folders().localFolder("Bench");
            report = store.importer().importMbox(mbox, folder.id(), ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            report("sealmail import: %d imported, %d duplicates, %d malformed in %.1f s = %.0f messages/s",
                    report.imported(), report.duplicates(), report.malformed(), seconds, count / seconds);
            report("heap during import: peak used %.0f MB (before %.0f MB, -Xmx %.0f MB)", peakHeap.get() / 1e6,
                    heapBefore / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        }
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            StoreStatistics statistics = store.statistics();
            report("sealmail size on disk: %.1f MB (%d messages, %.1f MB raw; raw deflated + rows + indexes + FTS5)",
                    statistics.diskBytes() / 1e6, statistics.messages(), statistics.messageBytes() / 1e6);
            Folder folder = store.folders().localFolder("Bench");
            searchLatency(store);
            newestLatency(store, folder);
        }
    }

    private static void searchLatency(SqliteMailStore store) {
        for (String query : QUERIES) {
            store.search().search(query, 50);
        }
        double[] millis = new double[QUERIES.size()];
        StringBuilder hits = new StringBuilder();
        for (int i = 0; i < QUERIES.size(); i++) {
            long start = System.nanoTime();
            int found = store.search().search(QUERIES.get(i), 50).size();
            millis[i] = (System.nanoTime() - start) / 1e6;
            hits.append(String.format(Locale.ROOT, "%s=%d(%.1fms) ", QUERIES.get(i), found, millis[i]));
        }
        Arrays.sort(millis);
        report("search, 20 queries, 50 newest hits each: p50 %.1f ms, p99 %.1f ms", percentile(millis, 50), percentile(millis, 99));
        report("  %s", hits.toString().trim());
    }

    private static void newestLatency(SqliteMailStore store, Folder folder) {
        store.messages().newest(folder.id(), 0, 200);
        double[] millis = new double[20];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            int size = store.messages().newest(folder.id(), 0, 200).size();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (size != 200) {
                throw new IllegalStateException("expected 200 rows, got " + size);
            }
        }
        Arrays.sort(millis);
        String plan = store.database().read("plan", connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                    "EXPLAIN QUERY PLAN SELECT * FROM message WHERE folder_id = " + folder.id()
                            + " ORDER BY internal_date DESC, id DESC LIMIT 200")) {
                StringBuilder text = new StringBuilder();
                while (row.next()) {
                    text.append(row.getString("detail")).append("; ");
                }
                return text.toString();
            }
        });
        report("newest 200 of the folder (rows read into StoredMessage): p50 %.2f ms, max %.2f ms over 20 runs; plan: %s",
                percentile(millis, 50), millis[millis.length - 1], plan);
    }

    private static void floor(Path rawDirectory, Path database, int count) throws Exception {
        Files.deleteIfExists(database);
        String sql = "PRAGMA journal_mode=WAL; CREATE TABLE raw (id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
                + " BEGIN; INSERT INTO raw (data) SELECT data FROM fsdir('" + rawDirectory + "') WHERE mode & 0x8000; COMMIT;"
                + " SELECT count(*) FROM raw;";
        long start = System.nanoTime();
        Process process = new ProcessBuilder("sqlite3", database.toString(), sql).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("sqlite3 failed: " + out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            size += Files.exists(file) ? Files.size(file) : 0;
        }
        report("floor, sqlite3 %s shell, one INSERT ... SELECT readfile: %s rows in %.1f s = %.0f messages/s; size %.1f MB",
                version(), out.lines().reduce((a, b) -> b).orElse("?"), seconds, count / seconds, size / 1e6);
    }

    private static long writeInputs(List<byte[]> messages, int count, Path mbox, Path rawDirectory) throws IOException {
        long bytes = 0;
        Instant base = Instant.parse("2002-01-01T00:00:00Z");
        try (MboxWriter writer = new MboxWriter(new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 20))) {
            for (int i = 0; i < count; i++) {
                byte[] raw = CorpusReplicator.copy(messages.get(i % messages.size()), i / messages.size(), i);
                writer.write("bench@sealmail.invalid", base.plusSeconds(i * 60L), raw);
                try (OutputStream out = Files.newOutputStream(rawDirectory.resolve(String.format("%06d.eml", i)))) {
                    out.write(raw);
                }
                bytes += raw.length;
            }
        }
        return bytes;
    }

    private static List<byte[]> readCorpus(Path corpus) throws IOException {
        List<byte[]> messages = new ArrayList<>();
        try (MboxReader reader = new MboxReader(Files.newInputStream(corpus), corpus.toString())) {
            MboxReader.Entry entry;
            while ((entry = reader.next()) != null) {
                messages.add(entry.raw());
            }
        }
        return messages;
    }

    private static String version() throws Exception {
        Process process = new ProcessBuilder("sqlite3", "--version").start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out.split(" ")[0];
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void report(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
