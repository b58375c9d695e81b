package org.sealmail.app.ui.sync;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.SyncStatus;

/**
 * A {@link MailboxService} whose lists come from the local store and whose "Get messages" and
 * status come from the background {@link DesktopSync}.
 */
public final class SyncedMailbox implements MailboxService {

    private final MailboxService local;
    private final DesktopSync sync;

    /**
     * @param local the store-backed mailbox
     * @param sync the accounts' background synchronization
     */
    public SyncedMailbox(MailboxService local, DesktopSync sync) {
        this.local = Objects.requireNonNull(local, "local");
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    @Override
    public List<AccountSummary> accounts() {
        return local.accounts();
    }

    @Override
    public int count(MessageQuery query) {
        return local.count(query);
    }

    @Override
    public List<MessageHeader> page(MessageQuery query, int offset, int limit) {
        return local.page(query, offset, limit);
    }

    @Override
    public List<MessageHeader> search(long accountId, String text, int limit) {
        return local.search(accountId, text, limit);
    }

    @Override
    public void setSeen(long messageId, boolean seen) {
        local.setSeen(messageId, seen);
    }

    @Override
    public void setFlagged(long messageId, boolean flagged) {
        local.setFlagged(messageId, flagged);
    }

    @Override
    public void synchronize(long accountId) {
        if (accountId != org.sealmail.app.ui.store.StoreMailbox.LOCAL_FOLDERS) {
            sync.synchronize(accountId);
        }
    }

    @Override
    public void addStatusListener(Consumer<SyncStatus> listener) {
        sync.addStatusListener(listener);
    }
}
