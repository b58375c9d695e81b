package org.sealmail.app.ui.main;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableListBase;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The message list's rows, backed by paged queries: {@link #size()} is the query's row count,
 * {@link #get(int)} returns a cached row or {@code null} while its page loads in the background
 * (the table shows an empty row and is told when the page arrives). Only the pages the table
 * asks for are ever loaded, and at most {@value #MAX_PAGES} pages are kept, so a folder of
 * 100,000 messages costs a screenful of rows.
 */
public final class PagedMessageList extends ObservableListBase<MessageHeader> {

    /** Rows per page. */
    public static final int PAGE_SIZE = 200;
    /** Pages kept in memory (least recently used ones are dropped). */
    public static final int MAX_PAGES = 40;

    private final MailboxService mailbox;
    private final TaskExecutor executor;
    private final Map<Integer, List<MessageHeader>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<MessageHeader>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private MessageQuery query;
    private int size;
    private long generation;

    /**
     * @param mailbox where rows come from (called in the background)
     * @param executor runs the page loads
     */
    public PagedMessageList(MailboxService mailbox, TaskExecutor executor) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Shows the rows of another query (folder, order or threading changed): empties the list,
     * then counts in the background.
     *
     * @param newQuery the query
     * @param onCounted runs on the UI thread once the size is known
     */
    public void show(MessageQuery newQuery, Runnable onCounted) {
        Objects.requireNonNull(newQuery, "newQuery");
        long current = ++generation;
        this.query = newQuery;
        clearRows();
        TaskBuilder.create(() -> mailbox.count(newQuery))
                .named("count messages")
                .onSuccess(count -> {
                    if (current == generation) {
                        setSize(count);
                        onCounted.run();
                    }
                })
                .runOn(executor);
    }

    /** Empties the list (no folder selected). */
    public void clear() {
        generation++;
        query = null;
        clearRows();
    }

    private void clearRows() {
        pages.clear();
        loading.clear();
        setSize(0);
    }

    private void setSize(int newSize) {
        int old = size;
        if (old == newSize) {
            return;
        }
        beginChange();
        size = newSize;
        if (old > 0) {
            nextRemove(0, Collections.nCopies(old, (MessageHeader) null));
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    @Override
    public MessageHeader get(int index) {
        Objects.checkIndex(index, size);
        int page = index / PAGE_SIZE;
        List<MessageHeader> rows = pages.get(page);
        if (rows == null) {
            requestPage(page);
            rows = pages.get(page);
            if (rows == null) {
                return null;
            }
        }
        int offset = index - page * PAGE_SIZE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** @return the number of pages held in memory (tests check that only visible pages load) */
    public int pagesInMemory() {
        return pages.size();
    }

    /**
     * Brings the rows up to date after a synchronization, without emptying the list first: when
     * the count is unchanged, loaded pages are read again and changed rows replaced in place (the
     * selection stays); otherwise the rows are replaced as a whole.
     *
     * @param onDone runs on the UI thread once the rows are current (also after a failed count)
     */
    public void refresh(Runnable onDone) {
        if (query == null) {
            onDone.run();
            return;
        }
        long current = generation;
        MessageQuery refreshed = query;
        TaskBuilder.create(() -> mailbox.count(refreshed))
                .named("count messages again")
                .onSuccess(count -> {
                    if (current == generation) {
                        if (count == size) {
                            List.copyOf(pages.keySet()).forEach(this::reloadPage);
                        } else {
                            generation++;
                            pages.clear();
                            loading.clear();
                            int old = size;
                            beginChange();
                            size = count;
                            if (old > 0) {
                                nextRemove(0, Collections.nCopies(old, (MessageHeader) null));
                            }
                            if (count > 0) {
                                nextAdd(0, count);
                            }
                            endChange();
                        }
                    }
                    onDone.run();
                })
                .onAnyError(failure -> onDone.run())
                .runOn(executor);
    }

    private void reloadPage(int page) {
        long current = generation;
        MessageQuery pageQuery = query;
        TaskBuilder.create(() -> mailbox.page(pageQuery, page * PAGE_SIZE, PAGE_SIZE))
                .named("reload message page " + page)
                .onSuccess(rows -> {
                    List<MessageHeader> held = pages.get(page);
                    if (current != generation || held == null || held.size() != rows.size()) {
                        return;
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        if (!rows.get(i).equals(held.get(i)) && rows.get(i).id() == held.get(i).id()) {
                            replace(rows.get(i));
                        }
                    }
                })
                .runOn(executor);
    }

    /**
     * Replaces one row in place (for example after toggling \Seen), if its page is loaded.
     *
     * @param updated the row with its new state
     */
    public void replace(MessageHeader updated) {
        for (Map.Entry<Integer, List<MessageHeader>> page : pages.entrySet()) {
            List<MessageHeader> rows = page.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == updated.id()) {
                    MessageHeader old = rows.get(i);
                    List<MessageHeader> copy = new java.util.ArrayList<>(rows);
                    copy.set(i, updated);
                    page.setValue(List.copyOf(copy));
                    int index = page.getKey() * PAGE_SIZE + i;
                    beginChange();
                    nextSet(index, old);
                    endChange();
                    return;
                }
            }
        }
    }

    private void requestPage(int page) {
        if (query == null || !loading.add(page)) {
            return;
        }
        long current = generation;
        MessageQuery pageQuery = query;
        TaskBuilder.create(() -> mailbox.page(pageQuery, page * PAGE_SIZE, PAGE_SIZE))
                .named("load message page " + page)
                .onSuccess(rows -> {
                    if (current != generation) {
                        return;
                    }
                    loading.remove(page);
                    pages.put(page, List.copyOf(rows));
                    int from = page * PAGE_SIZE;
                    int to = Math.min(size, from + rows.size());
                    if (to > from) {
                        beginChange();
                        nextReplace(from, to, Collections.nCopies(to - from, (MessageHeader) null));
                        endChange();
                    }
                })
                .onAnyError(error -> loading.remove(page))
                .runOn(executor);
    }
}
