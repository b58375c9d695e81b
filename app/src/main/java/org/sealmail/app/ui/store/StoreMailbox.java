package org.sealmail.app.ui.store;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderRole;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.ProtectionKind;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.MailAddress;
import org.sealmail.mailstore.messages.MessageFlag;
import org.sealmail.mailstore.messages.MessageRepository;
import org.sealmail.mailstore.messages.StoredMessage;

/**
 * {@link MailboxService} over the SQLite store: accounts and folder trees with unread counts,
 * paged and sorted message lists (one row per message or per conversation), full-text search
 * (FTS5) and flags. Local folders (no account) appear under an account entry with id 0.
 */
public final class StoreMailbox implements MailboxService {

    /** The id of the pseudo-account that holds local folders. */
    public static final long LOCAL_FOLDERS = 0;

    private final SqliteMailStore store;
    private final String localFoldersName;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param store the open store
     * @param localFoldersName the display name of the local folders entry (localized)
     */
    public StoreMailbox(SqliteMailStore store, String localFoldersName) {
        this.store = Objects.requireNonNull(store, "store");
        this.localFoldersName = Objects.requireNonNull(localFoldersName, "localFoldersName");
    }

    @Override
    public List<AccountSummary> accounts() {
        List<AccountSummary> result = new ArrayList<>();
        for (Account account : store.accounts().list()) {
            String address = account.identities().isEmpty() ? "" : account.identities().get(0).address();
            result.add(new AccountSummary(account.id(), account.name(), address, tree(store.folders().list(account.id()))));
        }
        List<Folder> local = store.folders().list(null);
        if (!local.isEmpty()) {
            result.add(new AccountSummary(LOCAL_FOLDERS, localFoldersName, "", tree(local)));
        }
        return result;
    }

    private List<FolderSummary> tree(List<Folder> folders) {
        Map<String, List<Folder>> byParent = new LinkedHashMap<>();
        for (Folder folder : folders) {
            byParent.computeIfAbsent(parent(folder), key -> new ArrayList<>()).add(folder);
        }
        return children("", byParent);
    }

    private List<FolderSummary> children(String parent, Map<String, List<Folder>> byParent) {
        List<FolderSummary> result = new ArrayList<>();
        for (Folder folder : byParent.getOrDefault(parent, List.of())) {
            String name = folder.delimiter() == null || folder.delimiter().isEmpty() ? folder.name()
                    : folder.name().substring(folder.name().lastIndexOf(folder.delimiter()) + 1);
            result.add(new FolderSummary(folder.id(), folder.accountId() == null ? LOCAL_FOLDERS : folder.accountId(),
                    name, role(folder), (int) store.messages().countUnread(folder.id()),
                    (int) store.messages().count(folder.id()), children(folder.name(), byParent)));
        }
        result.sort((a, b) -> Integer.compare(a.role().ordinal(), b.role().ordinal()));
        return result;
    }

    private static String parent(Folder folder) {
        String delimiter = folder.delimiter();
        if (delimiter == null || delimiter.isEmpty() || !folder.name().contains(delimiter)) {
            return "";
        }
        return folder.name().substring(0, folder.name().lastIndexOf(delimiter));
    }

    private static FolderRole role(Folder folder) {
        if (folder.specialUse() == null) {
            return folder.name().equalsIgnoreCase("INBOX") ? FolderRole.INBOX : FolderRole.OTHER;
        }
        return switch (folder.specialUse()) {
            case INBOX -> FolderRole.INBOX;
            case DRAFTS -> FolderRole.DRAFTS;
            case SENT -> FolderRole.SENT;
            case ARCHIVE -> FolderRole.ARCHIVE;
            case JUNK -> FolderRole.JUNK;
            case TRASH -> FolderRole.TRASH;
            case ALL, FLAGGED -> FolderRole.OTHER;
        };
    }

    @Override
    public int count(MessageQuery query) {
        return (int) (query.conversations() ? store.messages().countConversations(query.folderId())
                : store.messages().count(query.folderId()));
    }

    @Override
    public List<MessageHeader> page(MessageQuery query, int offset, int limit) {
        MessageRepository.Order order = switch (query.sort().key()) {
            case DATE -> MessageRepository.Order.INTERNAL_DATE;
            case FROM -> MessageRepository.Order.FROM;
            case SUBJECT -> MessageRepository.Order.SUBJECT;
            case SIZE -> MessageRepository.Order.SIZE;
        };
        boolean ascending = query.sort().ascending();
        if (query.conversations()) {
            return store.messages().conversationHeads(query.folderId(), order, ascending, offset, limit).stream()
                    .map(head -> header(head.newest(), head.size())).toList();
        }
        return store.messages().page(query.folderId(), order, ascending, offset, limit).stream()
                .map(message -> header(message, 1)).toList();
    }

    /**
     * @param message a stored row
     * @param conversationSize messages in its conversation (1 when not threaded)
     * @return the list row
     */
    static MessageHeader header(StoredMessage message, int conversationSize) {
        String from = message.from().isEmpty() ? "" : display(message.from().get(0));
        String structure = message.mimeStructure() == null ? "" : message.mimeStructure();
        return new MessageHeader(message.id(), message.folderId(), from, message.subject() == null ? "" : message.subject(),
                message.sentDate() != null ? message.sentDate() : message.internalDate(), message.size(),
                message.flags().contains(MessageFlag.SEEN), message.flags().contains(MessageFlag.FLAGGED),
                structure.contains("multipart/mixed"), switch (message.protection()) {
                    case SMIME_SIGNED -> ProtectionKind.SMIME_SIGNED;
                    case SMIME_ENCRYPTED -> ProtectionKind.SMIME_ENCRYPTED;
                    case SEALMAIL_PROTECTED -> ProtectionKind.RIGHTS_PROTECTED;
                    case NONE, UNKNOWN -> ProtectionKind.NONE;
                }, conversationSize);
    }

    private static String display(MailAddress address) {
        return address.name() == null || address.name().isBlank() ? address.address()
                : address.name() + " <" + address.address() + ">";
    }

    @Override
    public List<MessageHeader> search(long accountId, String text, int limit) {
        Set<Long> folders = new HashSet<>();
        store.folders().list(accountId == LOCAL_FOLDERS ? null : accountId).forEach(folder -> folders.add(folder.id()));
        return store.search().search(text, limit).stream().filter(message -> folders.contains(message.folderId()))
                .map(message -> header(message, 1)).toList();
    }

    @Override
    public void setSeen(long messageId, boolean seen) {
        changeFlag(messageId, MessageFlag.SEEN, seen);
    }

    @Override
    public void setFlagged(long messageId, boolean flagged) {
        changeFlag(messageId, MessageFlag.FLAGGED, flagged);
    }

    private void changeFlag(long messageId, MessageFlag flag, boolean on) {
        StoredMessage message = store.messages().find(messageId)
                .orElseThrow(() -> new java.util.NoSuchElementException("no message with id " + messageId));
        Set<MessageFlag> flags = message.flags().isEmpty() ? EnumSet.noneOf(MessageFlag.class) : EnumSet.copyOf(message.flags());
        if (on) {
            flags.add(flag);
        } else {
            flags.remove(flag);
        }
        store.messages().setFlags(messageId, flags, message.keywords());
    }

    @Override
    public void synchronize(long accountId) {
        throw new UnsupportedOperationException("this build cannot synchronize with the server yet (no IMAP engine wired)");
    }

    @Override
    public void addStatusListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
