package org.sealmail.app.ui.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.ConnectionState;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.app.ui.mailbox.SyncStatus;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The main window's state and commands: accounts and folders, the message list of the selected
 * folder (paged) or of a search, the selection that the reader shows, and the status bar.
 * Every store or network call runs in the background.
 */
public final class MainViewModel {

    /** Maximum number of search results shown. */
    public static final int SEARCH_LIMIT = 500;

    private final MailboxService mailbox;
    private final TaskExecutor executor;
    private final ReaderViewModel reader;
    private final UiText text;

    private final ObservableList<AccountSummary> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<FolderSummary> selectedFolder = new SimpleObjectProperty<>(this, "selectedFolder");
    private final ObjectProperty<MessageSort> sort = new SimpleObjectProperty<>(this, "sort", MessageSort.NEWEST_FIRST);
    private final BooleanProperty conversations = new SimpleBooleanProperty(this, "conversations");
    private final PagedMessageList folderRows;
    private final ObservableList<MessageHeader> searchRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper listSummary = new ReadOnlyStringWrapper(this, "listSummary", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper tlsText = new ReadOnlyStringWrapper(this, "tlsText", "");
    private final ReadOnlyBooleanWrapper tlsActive = new ReadOnlyBooleanWrapper(this, "tlsActive");
    private final ReadOnlyDoubleWrapper syncProgress = new ReadOnlyDoubleWrapper(this, "syncProgress", 0);
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Map<Long, SyncStatus> statuses = new HashMap<>();
    private final ObservableMap<Long, Integer> unreadCounts = FXCollections.observableHashMap();
    private static final long NONE = Long.MIN_VALUE;
    private long selectedId = NONE;
    private boolean replacingRows;

    /**
     * @param mailbox the store and sync engine (called in the background)
     * @param executor runs background work
     * @param reader the reader pane's view-model
     * @param text the UI strings
     */
    public MainViewModel(MailboxService mailbox, TaskExecutor executor, ReaderViewModel reader, UiText text) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.text = Objects.requireNonNull(text, "text");
        this.folderRows = new PagedMessageList(mailbox, executor);
        selectedFolder.addListener((obs, old, folder) -> {
            if (old == null || folder == null || old.id() != folder.id()) {
                reloadFolder(); // a refreshed summary of the same folder (new counts) keeps list and reader
            }
        });
        sort.addListener((obs, old, newSort) -> reloadFolder());
        conversations.addListener((obs, old, on) -> reloadFolder());
        mailbox.addStatusListener(status -> executor.runOnUiThread(() -> apply(status)));
        updateStatusTexts();
    }

    /** Loads the accounts and folder trees in the background. */
    public void refreshAccounts() {
        TaskBuilder.create(mailbox::accounts)
                .named("load accounts")
                .onSuccess(loaded -> {
                    unreadCounts.clear();
                    loaded.forEach(account -> account.folders().forEach(this::countUnread));
                    accounts.setAll(loaded);
                    if (selectedFolder.get() == null && !loaded.isEmpty() && !loaded.get(0).folders().isEmpty()) {
                        selectedFolder.set(loaded.get(0).folders().get(0));
                    }
                })
                .onAnyError(failure -> error.set(text.get("main.error.accounts", String.valueOf(failure.getMessage()))))
                .runOn(executor);
    }

    private void countUnread(FolderSummary folder) {
        unreadCounts.put(folder.id(), folder.unread());
        folder.children().forEach(this::countUnread);
    }

    /**
     * @param folder a folder
     * @return its unread count, kept current as messages are marked read or unread
     */
    public int unreadCount(FolderSummary folder) {
        return unreadCounts.getOrDefault(folder.id(), folder.unread());
    }

    /** @return unread counts by folder id (the folder tree listens to it) */
    public ObservableMap<Long, Integer> unreadCounts() {
        return unreadCounts;
    }

    private void updateListSummary(FolderSummary folder) {
        listSummary.set(text.get("main.list.summary", folderRows.size(), unreadCount(folder)));
    }

    private void reloadFolder() {
        updateStatusTexts();
        searching.set(false);
        searchRows.clear();
        selectedId = NONE;
        reader.clear();
        FolderSummary folder = selectedFolder.get();
        if (folder == null) {
            folderRows.clear();
            listSummary.set("");
            return;
        }
        folderRows.show(new MessageQuery(folder.id(), sort.get(), conversations.get()),
                () -> updateListSummary(folder));
    }

    /**
     * Searches the selected account's full-text index in the background and shows the results.
     *
     * @param query the search text; blank returns to the folder
     */
    public void search(String query) {
        if (query == null || query.isBlank()) {
            clearSearch();
            return;
        }
        FolderSummary folder = selectedFolder.get();
        if (folder == null) {
            return;
        }
        TaskBuilder.create(() -> mailbox.search(folder.accountId(), query.strip(), SEARCH_LIMIT))
                .named("search")
                .onSuccess(results -> {
                    searchRows.setAll(results);
                    searching.set(true);
                    selectedId = NONE;
                    reader.clear();
                    listSummary.set(text.get("main.search.summary", results.size(), query.strip()));
                })
                .onAnyError(failure -> error.set(text.get("main.error.search", String.valueOf(failure.getMessage()))))
                .runOn(executor);
    }

    /** Leaves search results and shows the selected folder again. */
    public void clearSearch() {
        if (searching.get()) {
            reloadFolder();
        }
    }

    /**
     * Shows a message in the reader and marks it read (in the background).
     *
     * @param header the selected row, or null for no selection
     */
    public void select(MessageHeader header) {
        if (header == null) {
            if (replacingRows) {
                return; // the table drops its selection while a row is replaced; the view restores it
            }
            if (selectedId != NONE) {
                selectedId = NONE;
                reader.clear();
            }
            return;
        }
        if (header.id() == selectedId) {
            return; // the same message's row was refreshed (flags changed): keep the reader as is
        }
        selectedId = header.id();
        reader.open(header.id());
        if (!header.seen()) {
            setSeen(header, true);
        }
    }

    /**
     * @param header a row
     * @param seen the new \Seen state
     */
    public void setSeen(MessageHeader header, boolean seen) {
        if (header.seen() == seen) {
            return;
        }
        MessageHeader updated = header.withSeen(seen);
        adjustUnread(header.folderId(), seen ? -1 : 1);
        replaceRow(updated);
        TaskBuilder.create(() -> {
            mailbox.setSeen(header.id(), seen);
            return null;
        }).named("set seen").onAnyError(failure -> {
            adjustUnread(header.folderId(), seen ? 1 : -1);
            replaceRow(header);
            error.set(text.get("main.error.flags", String.valueOf(failure.getMessage())));
        }).runOn(executor);
    }

    /**
     * @param header a row whose \Flagged state is toggled
     */
    public void toggleFlagged(MessageHeader header) {
        MessageHeader updated = header.withFlagged(!header.flagged());
        replaceRow(updated);
        TaskBuilder.create(() -> {
            mailbox.setFlagged(header.id(), updated.flagged());
            return null;
        }).named("set flagged").onAnyError(failure -> {
            replaceRow(header);
            error.set(text.get("main.error.flags", String.valueOf(failure.getMessage())));
        }).runOn(executor);
    }

    private void adjustUnread(long folderId, int delta) {
        Integer current = unreadCounts.get(folderId);
        if (current != null) {
            unreadCounts.put(folderId, Math.max(0, current + delta));
        }
        FolderSummary folder = selectedFolder.get();
        if (folder != null && folder.id() == folderId && !searching.get()) {
            updateListSummary(folder);
        }
    }

    private void replaceRow(MessageHeader updated) {
        replacingRows = true;
        try {
            folderRows.replace(updated);
            replaceSearchRow(updated);
        } finally {
            replacingRows = false;
        }
    }

    private void replaceSearchRow(MessageHeader updated) {
        for (int i = 0; i < searchRows.size(); i++) {
            if (searchRows.get(i).id() == updated.id()) {
                searchRows.set(i, updated);
            }
        }
    }

    /** "Get messages": synchronizes the selected folder's account in the background. */
    public void synchronize() {
        FolderSummary folder = selectedFolder.get();
        List<Long> ids = folder != null ? List.of(folder.accountId()) : accounts.stream().map(AccountSummary::id).toList();
        for (long id : ids) {
            TaskBuilder.create(() -> {
                mailbox.synchronize(id);
                return null;
            }).named("synchronize").onAnyError(failure ->
                    error.set(text.get("main.error.sync", String.valueOf(failure.getMessage())))).runOn(executor);
        }
    }

    private void apply(SyncStatus status) {
        SyncStatus previous = statuses.put(status.accountId(), status);
        updateStatusTexts();
        if (previous != null && previous.state() == ConnectionState.SYNCHRONIZING
                && status.state() == ConnectionState.CONNECTED) {
            refreshAfterSync(status.accountId());
        }
    }

    /** A run of the account ended: new folders, unread counts and rows; the reader stays. */
    private void refreshAfterSync(long accountId) {
        refreshAccounts();
        FolderSummary folder = selectedFolder.get();
        if (folder == null || folder.accountId() != accountId || searching.get()) {
            return;
        }
        replacingRows = true;
        folderRows.refresh(() -> {
            replacingRows = false;
            updateListSummary(folder);
        });
    }

    private void updateStatusTexts() {
        FolderSummary folder = selectedFolder.get();
        Optional<SyncStatus> status = folder == null ? statuses.values().stream().findFirst()
                : Optional.ofNullable(statuses.get(folder.accountId()));
        SyncStatus current = status.orElse(SyncStatus.offline(folder == null ? 0 : folder.accountId()));
        String state = text.get("main.status.connection." + current.state().name().toLowerCase(java.util.Locale.ROOT));
        connectionText.set(current.detail().isEmpty() ? state : state + ": " + current.detail());
        tlsActive.set(current.tls().isPresent());
        tlsText.set(current.tls().map(tls -> text.get("main.status.tls", tls))
                .orElse(current.state() == ConnectionState.OFFLINE ? "" : text.get("main.status.no-tls")));
        boolean running = current.state() == ConnectionState.SYNCHRONIZING;
        syncing.set(running);
        syncProgress.set(running && current.total() > 0 ? (double) current.done() / current.total() : running ? -1 : 0);
    }

    /** @return the paged rows of the selected folder */
    public PagedMessageList pagedRows() {
        return folderRows;
    }

    /** @return the search results */
    public ObservableList<MessageHeader> searchRows() {
        return searchRows;
    }

    /** @return whether search results are shown instead of the folder */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** @return the accounts with their folder trees */
    public ObservableList<AccountSummary> accounts() {
        return accounts;
    }

    /** @return the selected folder */
    public ObjectProperty<FolderSummary> selectedFolderProperty() {
        return selectedFolder;
    }

    /** @return the list order */
    public ObjectProperty<MessageSort> sortProperty() {
        return sort;
    }

    /** @return whether the list shows one row per conversation */
    public BooleanProperty conversationsProperty() {
        return conversations;
    }

    /** @return e.g. "3,456 messages, 12 unread" */
    public ReadOnlyStringProperty listSummaryProperty() {
        return listSummary.getReadOnlyProperty();
    }

    /** @return the connection state, localized */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** @return the TLS state, localized */
    public ReadOnlyStringProperty tlsTextProperty() {
        return tlsText.getReadOnlyProperty();
    }

    /** @return whether the connection uses TLS */
    public ReadOnlyBooleanProperty tlsActiveProperty() {
        return tlsActive.getReadOnlyProperty();
    }

    /** @return sync progress in [0, 1], -1 when indeterminate */
    public ReadOnlyDoubleProperty syncProgressProperty() {
        return syncProgress.getReadOnlyProperty();
    }

    /** @return whether a synchronization runs */
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** @return the last background failure, localized (empty when none) */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the reader's view-model */
    public ReaderViewModel reader() {
        return reader;
    }
}
