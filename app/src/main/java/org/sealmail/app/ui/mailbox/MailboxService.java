package org.sealmail.app.ui.mailbox;

import java.util.List;
import java.util.function.Consumer;
import org.sealmail.app.ui.task.AnyThread;

/**
 * What the main window needs from the local store and the sync engine. Every method may do
 * database or network I/O: call it from a background task, never on the JavaFX application
 * thread (the application guards implementations with
 * {@link org.sealmail.app.ui.task.FxThreadCheck#guard}).
 */
public interface MailboxService {

    /** @return the accounts with their folder trees and unread counts */
    List<AccountSummary> accounts();

    /**
     * @param query folder, order and threading
     * @return the number of rows the query yields
     */
    int count(MessageQuery query);

    /**
     * @param query folder, order and threading
     * @param offset first row, 0-based
     * @param limit maximum number of rows
     * @return the rows [offset, offset + limit) in the query's order
     */
    List<MessageHeader> page(MessageQuery query, int offset, int limit);

    /**
     * Searches the full-text index (subject, addresses, unprotected bodies; never protected plaintext).
     *
     * @param accountId the account to search
     * @param text the user's search text
     * @param limit maximum number of results
     * @return matching messages, best first
     */
    List<MessageHeader> search(long accountId, String text, int limit);

    /**
     * @param messageId the message
     * @param seen the new \Seen state (stored locally and queued for the server)
     */
    void setSeen(long messageId, boolean seen);

    /**
     * @param messageId the message
     * @param flagged the new \Flagged state
     */
    void setFlagged(long messageId, boolean flagged);

    /**
     * Starts a synchronization of one account (the "Get messages" command); progress arrives
     * through the status listeners.
     *
     * @param accountId the account
     */
    void synchronize(long accountId);

    /**
     * @param listener called, on any thread, whenever an account's {@link SyncStatus} changes
     */
    @AnyThread
    void addStatusListener(Consumer<SyncStatus> listener);
}
