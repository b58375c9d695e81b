package org.sealmail.app.ui.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.app.ui.mailbox.SyncStatus;

/**
 * The in-memory twin of the store-backed {@link MailboxService}: accounts, folders and message
 * headers held in maps. Used by the UI tests and view-model tests; thread-safe.
 */
public final class InMemoryMailbox implements MailboxService {

    private final Map<Long, AccountSummary> accounts = new LinkedHashMap<>();
    private final Map<Long, List<MessageHeader>> messagesByFolder = new HashMap<>();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /**
     * @param account an account with its folder tree
     */
    public synchronized void addAccount(AccountSummary account) {
        accounts.put(account.id(), Objects.requireNonNull(account, "account"));
    }

    /**
     * @param folderId a folder
     * @param headers its messages (any order)
     */
    public synchronized void putMessages(long folderId, List<MessageHeader> headers) {
        messagesByFolder.put(folderId, new ArrayList<>(headers));
    }

    /**
     * Tells the listeners about a status change, as the sync engine would.
     *
     * @param status the new status
     */
    public void publish(SyncStatus status) {
        listeners.forEach(listener -> listener.accept(status));
    }

    /** @return the calls made, e.g. {@code "page 3 0 200"}, for tests that count store round trips */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized List<AccountSummary> accounts() {
        calls.add("accounts");
        return accounts.values().stream().map(this::withCounts).toList();
    }

    private AccountSummary withCounts(AccountSummary account) {
        return new AccountSummary(account.id(), account.displayName(), account.address(),
                account.folders().stream().map(this::withCounts).toList());
    }

    private FolderSummary withCounts(FolderSummary folder) {
        List<MessageHeader> messages = messagesByFolder.getOrDefault(folder.id(), List.of());
        int unread = (int) messages.stream().filter(m -> !m.seen()).count();
        return new FolderSummary(folder.id(), folder.accountId(), folder.name(), folder.role(),
                messages.isEmpty() ? folder.unread() : unread, messages.isEmpty() ? folder.total() : messages.size(),
                folder.children().stream().map(this::withCounts).toList());
    }

    @Override
    public synchronized int count(MessageQuery query) {
        calls.add("count " + query.folderId());
        return rows(query).size();
    }

    @Override
    public synchronized List<MessageHeader> page(MessageQuery query, int offset, int limit) {
        calls.add("page " + query.folderId() + " " + offset + " " + limit);
        List<MessageHeader> rows = rows(query);
        return List.copyOf(rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit)));
    }

    private List<MessageHeader> rows(MessageQuery query) {
        List<MessageHeader> messages = new ArrayList<>(messagesByFolder.getOrDefault(query.folderId(), List.of()));
        messages.sort(comparator(query.sort()));
        if (!query.conversations()) {
            return messages;
        }
        Map<String, List<MessageHeader>> threads = messages.stream().collect(Collectors.groupingBy(
                m -> m.subject().replaceFirst("(?i)^(re|fwd?):\\s*", ""), LinkedHashMap::new, Collectors.toList()));
        return threads.values().stream().map(thread -> {
            MessageHeader newest = thread.stream().max(Comparator.comparing(MessageHeader::date)).orElseThrow();
            return new MessageHeader(newest.id(), newest.folderId(), newest.from(), newest.subject(), newest.date(),
                    newest.sizeBytes(), thread.stream().allMatch(MessageHeader::seen), newest.flagged(),
                    newest.hasAttachments(), newest.protection(), thread.size());
        }).sorted(comparator(query.sort())).toList();
    }

    private static Comparator<MessageHeader> comparator(MessageSort sort) {
        Comparator<MessageHeader> comparator = switch (sort.key()) {
            case DATE -> Comparator.comparing(MessageHeader::date);
            case FROM -> Comparator.comparing(m -> m.from().toLowerCase(Locale.ROOT));
            case SUBJECT -> Comparator.comparing(m -> m.subject().toLowerCase(Locale.ROOT));
            case SIZE -> Comparator.comparingLong(MessageHeader::sizeBytes);
        };
        comparator = comparator.thenComparingLong(MessageHeader::id);
        return sort.ascending() ? comparator : comparator.reversed();
    }

    @Override
    public synchronized List<MessageHeader> search(long accountId, String text, int limit) {
        calls.add("search " + text);
        String needle = text.toLowerCase(Locale.ROOT);
        return messagesByFolder.values().stream().flatMap(List::stream)
                .filter(m -> m.subject().toLowerCase(Locale.ROOT).contains(needle)
                        || m.from().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(comparator(MessageSort.NEWEST_FIRST)).limit(limit).toList();
    }

    @Override
    public synchronized void setSeen(long messageId, boolean seen) {
        calls.add("seen " + messageId + " " + seen);
        update(messageId, m -> m.withSeen(seen));
    }

    @Override
    public synchronized void setFlagged(long messageId, boolean flagged) {
        calls.add("flagged " + messageId + " " + flagged);
        update(messageId, m -> m.withFlagged(flagged));
    }

    private void update(long messageId, java.util.function.UnaryOperator<MessageHeader> change) {
        for (List<MessageHeader> messages : messagesByFolder.values()) {
            messages.replaceAll(m -> m.id() == messageId ? change.apply(m) : m);
        }
    }

    @Override
    public void synchronize(long accountId) {
        calls.add("synchronize " + accountId);
    }

    @Override
    public void addStatusListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
