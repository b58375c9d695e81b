package org.sealmail.mailstore.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.time.Clock;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.imap.SqliteSyncStore;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.sealmail.crypto.testing.PeerTool;
import org.sealmail.mailstore.imap.FolderSyncResult;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.SyncStore;
import org.sealmail.mailstore.server.BodyPolicy;
import org.sealmail.mailstore.server.MailAccount;
import org.sealmail.mailstore.testing.InMemoryAccountStatusStore;
import org.sealmail.mailstore.testing.InMemorySyncStore;
import org.sealmail.mailstore.testing.RealMailServers;
import org.sealmail.mailstore.testing.TestSync;

/**
 * Benchmark (not a test): initial and no-change incremental sync of a 10,000-message folder of
 * real messages on the local Dovecot, Sealmail beside {@code mbsync} (isync) mirroring the same
 * folder to a Maildir, in one run on one machine. Needs the servers started by mailservers.sh
 * (MAILSRV_* exported) and the SpamAssassin corpus mbox.
 *
 * <pre>
 * ./mvnw -q -o test-compile -pl mailstore -am
 * ./mvnw -q -o dependency:build-classpath -pl mailstore -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx512m -cp mailstore/target/test-classes:mailstore/target/classes:$(cat /tmp/cp.txt) \
 *     org.sealmail.mailstore.bench.ImapSyncBenchmark ../shared/corpus/spamassassin/spamassassin.mbox sqlite
 * </pre>
 */
public final class ImapSyncBenchmark {

    private static final String FOLDER = "Bench10k";
    private static final int COUNT = 10_000;

    private ImapSyncBenchmark() {
    }

    /**
     * @param args the mbox to take real messages from, then "sqlite" for the real store (default: the in-memory twin)
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        RealMailServers servers = RealMailServers.fromEnvironment()
                .orElseThrow(() -> new IllegalStateException("start the servers and export MAILSRV_* first"));
        Path mbox = Path.of(args.length > 0 ? args[0] : "../shared/corpus/spamassassin/spamassassin.mbox");
        load(servers, mbox);
        boolean sqlite = args.length > 1 && args[1].equals("sqlite");
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-44s %10s %10s %14s", "run (" + COUNT + " messages, folder " + FOLDER + ")",
                "wall s", "msg/s", "peak memory"));
        for (BodyPolicy policy : List.of(BodyPolicy.onDemand(), BodyPolicy.all())) {
            String label = policy.maxBytes() == 0 ? "envelopes+flags+structure" : "full messages";
            MailAccount bob = servers.account("bob");
            SyncStore store;
            SqliteMailStore db = null;
            if (sqlite) {
                db = SqliteMailStore.open(Files.createTempDirectory("sync-bench-store"));
                long id = db.accounts().add(new Account(0, "bob@example.test", null, null, List.of(), ComposeProtection.NONE)).id();
                bob = new MailAccount(String.valueOf(id), bob.email(), bob.imap(), bob.smtp(), bob.username(), bob.trust(),
                        bob.bodyPolicy(), false);
                store = new SqliteSyncStore(db, Clock.systemUTC());
            } else {
                store = new InMemorySyncStore();
            }
            try (SqliteMailStore closeLater = db; ImapMailSync sync = TestSync.sync(bob.withBodyPolicy(policy), servers.password(),
                    store, new InMemoryAccountStatusStore(), Set.of())) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                FolderSyncResult initial = sync.syncFolder(FOLDER);
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = peakHeap();
                if (initial.added() != COUNT) {
                    throw new IllegalStateException("synced " + initial.added() + " messages, expected " + COUNT);
                }
                rows.add(String.format(Locale.ROOT, "%-44s %10.2f %10.0f %11d MiB", "Sealmail initial, " + label, seconds,
                        COUNT / seconds, peak >> 20));
                start = System.nanoTime();
                FolderSyncResult again = sync.syncFolder(FOLDER);
                seconds = (System.nanoTime() - start) / 1e9;
                rows.add(String.format(Locale.ROOT, "%-44s %10.3f %10s %14s", "Sealmail incremental, no change ("
                        + again.strategy() + ")", seconds, "-", "-"));
            }
        }
        rows.addAll(mbsync(servers));
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println("Sealmail peak memory = peak heap in use (JVM heap pools, -Xmx" + (Runtime.getRuntime().maxMemory() >> 20)
                + "m); mbsync = peak RSS (/usr/bin/time %M). Store: " + (sqlite ? "SQLite (sealmail.db, FTS5)" : "in-memory twin") + ".");
    }

    private static void load(RealMailServers servers, Path mbox) throws Exception {
        String status = servers.doveadm("mailbox", "status", "-u", "bob@example.test", "messages", FOLDER + "*");
        if (status.contains("messages=" + COUNT)) {
            return;
        }
        List<byte[]> messages = readMbox(mbox);
        List<byte[]> tenThousand = new ArrayList<>(COUNT);
        for (int i = 0; tenThousand.size() < COUNT; i++) {
            tenThousand.add(messages.get(i % messages.size()));
        }
        long start = System.nanoTime();
        servers.bulkAppend("bob", FOLDER, tenThousand);
        System.out.printf(Locale.ROOT, "loaded %d messages (%d distinct from %s) in %.1f s%n", COUNT, messages.size(),
                mbox.getFileName(), (System.nanoTime() - start) / 1e9);
    }

    /** Splits an mboxrd file into messages with CRLF line ends, undoing the {@code >From } quoting. */
    static List<byte[]> readMbox(Path mbox) throws IOException {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        for (String line : Files.readAllLines(mbox, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("From ")) {
                if (current != null) {
                    messages.add(current.toByteArray());
                }
                current = new ByteArrayOutputStream();
                continue;
            }
            if (current == null) {
                continue;
            }
            String unquoted = line.matches("^>+From .*") ? line.substring(1) : line;
            current.writeBytes(unquoted.getBytes(StandardCharsets.ISO_8859_1));
            current.writeBytes(new byte[] {'\r', '\n'});
        }
        if (current != null) {
            messages.add(current.toByteArray());
        }
        return messages;
    }

    private static List<String> mbsync(RealMailServers servers) throws IOException {
        List<String> rows = new ArrayList<>();
        if (!PeerTool.available("mbsync")) {
            rows.add("mbsync not installed (apt-get install isync)");
            return rows;
        }
        Path dir = Files.createTempDirectory("mbsync-bench");
        Path maildir = Files.createDirectories(dir.resolve("mail"));
        Path rc = dir.resolve("mbsyncrc");
        Files.writeString(rc, String.join("\n",
                "IMAPAccount bob", "Host localhost", "Port " + servers.imapsPort(), "User bob@example.test",
                "Pass " + servers.password(), "SSLType IMAPS", "SSLVersions TLSv1.2 TLSv1.3", "SystemCertificates no",
                "CertificateFile " + servers.dir().resolve("tls/ca.pem"), "",
                "IMAPStore bob-remote", "Account bob", "",
                "MaildirStore bob-local", "Path " + maildir + "/", "Inbox " + maildir + "/INBOX", "SubFolders Verbatim", "",
                "Channel bob", "Far :bob-remote:", "Near :bob-local:", "Patterns " + FOLDER, "Create Near", "SyncState *", ""));
        for (String label : List.of("mbsync initial (full messages to Maildir)", "mbsync incremental, no change")) {
            Path timing = dir.resolve("time.txt");
            long start = System.nanoTime();
            PeerTool.Run run = PeerTool.run(null, java.util.Map.of(), null, "/usr/bin/time", "-f", "%e %M", "-o",
                    timing.toString(), "mbsync", "-q", "-c", rc.toString(), "bob");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run.exitCode() != 0) {
                rows.add("mbsync failed: " + run.stderr());
                return rows;
            }
            String[] fields = Files.readString(timing).trim().split("\\s+");
            long rssKiB = Long.parseLong(fields[fields.length - 1]);
            rows.add(String.format(Locale.ROOT, "%-44s %10.2f %10s %11d MiB", label, seconds,
                    label.contains("initial") ? String.format(Locale.ROOT, "%.0f", COUNT / seconds) : "-", rssKiB >> 10));
        }
        long files = 0;
        for (String sub : List.of("cur", "new")) {
            try (var list = Files.list(maildir.resolve(FOLDER).resolve(sub))) {
                files += list.count();
            }
        }
        rows.add("mbsync Maildir holds " + files + " messages");
        return rows;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

}
