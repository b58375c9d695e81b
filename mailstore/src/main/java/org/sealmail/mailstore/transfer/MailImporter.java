package org.sealmail.mailstore.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.messages.AddResult;
import org.sealmail.mailstore.messages.IncomingMessage;
import org.sealmail.mailstore.messages.MessageParser;
import org.sealmail.mailstore.messages.MessageRepository;

/**
 * Imports .eml files and mbox files into a folder. Messages are parsed outside the database, then
 * written in batches of {@value #BATCH} messages, one transaction each: a crash loses at most the
 * batch in progress and never leaves half a message; importing the same file again adds only what
 * is missing (duplicates are recognized by Message-ID and content hash). A malformed message is
 * kept raw with its parse warning and counted, never dropped.
 */
public final class MailImporter {

    /** Messages per write transaction. */
    public static final int BATCH = 200;

    /** How many warnings a report keeps. */
    public static final int MAX_WARNINGS = 100;

    private static final long BATCH_BYTES = 16L * 1024 * 1024;

    private final StoreDatabase database;
    private final MessageRepository messages;
    private final MessageParser parser = new MessageParser();

    /**
     * @param database the store's database
     * @param messages the store's messages
     */
    public MailImporter(StoreDatabase database, MessageRepository messages) {
        this.database = database;
        this.messages = messages;
    }

    /**
     * @param mbox the mbox file
     * @param folderId the target folder
     * @param progress told after each committed batch
     * @return the counts
     * @throws StoreException MALFORMED_INPUT if the file is not an mbox, IO if it cannot be read
     */
    public ImportReport importMbox(Path mbox, long folderId, ImportProgress progress) {
        Batch batch = new Batch(folderId, progress, size(mbox));
        try (MboxReader reader = new MboxReader(Files.newInputStream(mbox), mbox.toString())) {
            MboxReader.Entry entry;
            while ((entry = reader.next()) != null) {
                IncomingMessage message = IncomingMessage.of(parser, entry.raw(), FromLineDate.parse(entry.fromLine()), null,
                        Set.of(), Set.of());
                batch.add(message, mbox.getFileName() + "@" + entry.offset(), reader.bytesRead());
            }
            batch.flush(reader.bytesRead());
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot read " + mbox + ": " + e.getMessage(), e);
        }
        return batch.report();
    }

    /**
     * Imports one .eml file, or every {@code *.eml} file of a directory (not its subdirectories),
     * in name order. The internal date is the Date header, else the file's modification time.
     *
     * @param path a .eml file or a directory
     * @param folderId the target folder
     * @param progress told after each committed batch
     * @return the counts
     * @throws StoreException IO if a file cannot be read
     */
    public ImportReport importEml(Path path, long folderId, ImportProgress progress) {
        List<Path> files = emlFiles(path);
        long total = 0;
        for (Path file : files) {
            total += size(file);
        }
        Batch batch = new Batch(folderId, progress, total);
        long bytes = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] raw = in.readAllBytes();
                bytes += raw.length;
                IncomingMessage parsed = IncomingMessage.of(parser, raw, null, null, Set.of(), Set.of());
                if (parsed.parsed().sentDate() == null) {
                    Instant modified = Files.getLastModifiedTime(file).toInstant();
                    parsed = new IncomingMessage(raw, parsed.parsed(), parsed.contentHash(), modified, null, Set.of(), Set.of());
                }
                batch.add(parsed, file.getFileName().toString(), bytes);
            } catch (IOException e) {
                throw new StoreException(StoreFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        batch.flush(bytes);
        return batch.report();
    }

    private static List<Path> emlFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new StoreException(StoreFailure.IO, path + " is neither a .eml file nor a directory");
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Messages parsed and waiting for their transaction. */
    private final class Batch {
        private final long folderId;
        private final ImportProgress progress;
        private final long totalBytes;
        private final List<IncomingMessage> pending = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private final List<ImportWarning> warnings = new ArrayList<>();
        private long pendingBytes;
        private long imported;
        private long duplicates;
        private long malformed;

        Batch(long folderId, ImportProgress progress, long totalBytes) {
            this.folderId = folderId;
            this.progress = progress;
            this.totalBytes = totalBytes;
        }

        void add(IncomingMessage message, String source, long bytesRead) {
            pending.add(message);
            sources.add(source);
            pendingBytes += message.raw().length;
            if (pending.size() >= BATCH || pendingBytes >= BATCH_BYTES) {
                flush(bytesRead);
            }
        }

        void flush(long bytesRead) {
            if (pending.isEmpty()) {
                progress.progress(imported + duplicates, bytesRead, totalBytes);
                return;
            }
            List<AddResult> results = database.write("importing messages into folder " + folderId, connection -> {
                List<AddResult> added = new ArrayList<>(pending.size());
                for (IncomingMessage message : pending) {
                    added.add(messages.add(folderId, message));
                }
                return added;
            });
            for (int i = 0; i < results.size(); i++) {
                AddResult result = results.get(i);
                String warning = pending.get(i).parsed().parseWarning();
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    imported++;
                    if (warning != null) {
                        malformed++;
                        if (warnings.size() < MAX_WARNINGS) {
                            warnings.add(new ImportWarning(sources.get(i), result.messageId(), warning));
                        }
                    }
                }
            }
            pending.clear();
            sources.clear();
            pendingBytes = 0;
            progress.progress(imported + duplicates, bytesRead, totalBytes);
        }

        ImportReport report() {
            return new ImportReport(imported, duplicates, malformed, warnings);
        }
    }
}
