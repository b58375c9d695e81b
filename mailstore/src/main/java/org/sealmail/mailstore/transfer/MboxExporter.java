package org.sealmail.mailstore.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.messages.MessageRepository;
import org.sealmail.mailstore.messages.StoredMessage;

/**
 * Exports a folder to an mbox file (mboxrd, see {@link MboxWriter}), oldest first, with each
 * message's raw bytes as stored (protected messages stay encrypted). Never overwrites a file.
 */
public final class MboxExporter {

    private final MessageRepository messages;

    /** @param messages the store's messages */
    public MboxExporter(MessageRepository messages) {
        this.messages = messages;
    }

    /**
     * @param folderId the folder
     * @param mbox the file to create (must not exist)
     * @param progress told every {@value MailImporter#BATCH} messages and at the end
     * @return the counts
     * @throws StoreException IO if the file exists or cannot be written
     */
    public ExportReport export(long folderId, Path mbox, ImportProgress progress) {
        List<Long> ids = messages.idsOldestFirst(folderId);
        long exported = 0;
        long notFetched = 0;
        long bytes = 0;
        try (MboxWriter writer = new MboxWriter(new BufferedOutputStream(
                Files.newOutputStream(mbox, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024))) {
            for (Long id : ids) {
                Optional<StoredMessage> message = messages.find(id);
                Optional<byte[]> raw = messages.raw(id);
                if (message.isEmpty() || raw.isEmpty()) {
                    notFetched++;
                    continue;
                }
                String sender = message.get().from().isEmpty() ? null : message.get().from().get(0).address();
                writer.write(sender, message.get().internalDate(), raw.get());
                exported++;
                bytes += raw.get().length;
                if (exported % MailImporter.BATCH == 0) {
                    progress.progress(exported, bytes, -1);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreFailure.IO, mbox + " exists already; the export does not overwrite files", e);
        } catch (IOException e) {
            throw new StoreException(StoreFailure.IO, "cannot write " + mbox + ": " + e.getMessage(), e);
        }
        progress.progress(exported, bytes, -1);
        return new ExportReport(exported, notFetched);
    }
}
