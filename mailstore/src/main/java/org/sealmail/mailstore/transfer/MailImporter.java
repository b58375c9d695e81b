package org.sealmail.mailstore.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Imports .eml files and mbox files into a folder. Messages are parsed, hashed and compressed
 * outside the database (in parallel, on the common fork-join pool), then written in batches of
 * {@value #BATCH} messages, one transaction each: a crash loses at most the
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
     * @throws StoreException MALFORMED_INPUT if the file is not an mbox, IO if it does not exist or
     *     cannot be read
     */
    public ImportReport importMbox(Path mbox, long folderId, ImportProgress progress) {
        Batch batch = new Batch(folderId, progress, size(mbox));
        try (MboxReader reader = new MboxReader(Files.newInputStream(mbox), mbox.toString())) {
            MboxReader.Entry entry;
            Instant now = Instant.now();
            while ((entry = reader.next()) != null) {
                batch.add(new Pending(entry.raw(), FromLineDate.parse(entry.fromLine()), now,
                        mbox.getFileName() + "@" + entry.offset()), reader.bytesRead());
            }
            batch.flush(reader.bytesRead());
        } catch (IOException e) {
            throw unreadable(mbox, e);
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
     * @throws StoreException IO if the path does not exist or a file cannot be read; MALFORMED_INPUT if
     *     a directory holds files but none named {@code *.eml} (nothing would be imported)
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
                batch.add(new Pending(raw, null, Files.getLastModifiedTime(file).toInstant(), file.getFileName().toString()), bytes);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        batch.flush(bytes);
        return batch.report();
    }

    private static List<Path> emlFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.exists(path)) {
            throw new StoreException(StoreFailure.IO, path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new StoreException(StoreFailure.IO, path + " is neither a .eml file nor a directory");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(path)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot list " + path + ": " + e.getMessage(), e);
        }
        List<Path> eml = files.stream()
                .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
                .toList();
        if (eml.isEmpty() && !files.isEmpty()) {
            throw new StoreException(StoreFailure.MALFORMED_INPUT, path + " holds no .eml file (" + files.size()
                    + " other files; only *.eml files of a directory are imported, or give one file of any name)");
        }
        return eml;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** @return the error for a file that cannot be read, saying why in words rather than an exception name */
    private static StoreException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new StoreException(StoreFailure.IO, file + " does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new StoreException(StoreFailure.IO, "cannot read " + file + ": permission denied", e);
        }
        String reason = e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : e.getMessage();
        return new StoreException(StoreFailure.IO, "cannot read " + file + ": " + reason, e);
    }

    /**
     * A message read and not yet parsed.
     *
     * @param raw its bytes
     * @param arrival its arrival date (mbox From line), or {@code null}
     * @param fallback the date to take when it has neither an arrival date nor a Date header
     * @param source where it was, for warnings
     */
    private record Pending(byte[] raw, Instant arrival, Instant fallback, String source) {

        IncomingMessage parse(MessageParser parser) {
            IncomingMessage message = IncomingMessage.of(parser, raw, arrival, null, Set.of(), Set.of());
            return arrival == null && message.parsed().sentDate() == null ? message.withInternalDate(fallback) : message;
        }
    }

    /** Messages read and waiting for their transaction. */
    private final class Batch {
        private final long folderId;
        private final ImportProgress progress;
        private final long totalBytes;
        private final List<Pending> pending = new ArrayList<>();
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

        void add(Pending message, long bytesRead) {
            pending.add(message);
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
            List<IncomingMessage> parsed = pending.parallelStream().map(message -> message.parse(parser)).toList();
            List<AddResult> results = database.write("importing messages into folder " + folderId, connection -> {
                List<AddResult> added = new ArrayList<>(parsed.size());
                for (IncomingMessage message : parsed) {
                    added.add(messages.add(folderId, message));
                }
                return added;
            });
            for (int i = 0; i < results.size(); i++) {
                AddResult result = results.get(i);
                String warning = parsed.get(i).parsed().parseWarning();
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    imported++;
                    if (warning != null) {
                        malformed++;
                        if (warnings.size() < MAX_WARNINGS) {
                            warnings.add(new ImportWarning(pending.get(i).source(), result.messageId(), warning));
                        }
                    }
                }
            }
            pending.clear();
            pendingBytes = 0;
            progress.progress(imported + duplicates, bytesRead, totalBytes);
        }

        ImportReport report() {
            return new ImportReport(imported, duplicates, malformed, warnings);
        }
    }
}
