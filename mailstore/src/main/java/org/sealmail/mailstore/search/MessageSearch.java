package org.sealmail.mailstore.search;

import java.sql.PreparedStatement;
import java.util.List;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.messages.MessageRepository;
import org.sealmail.mailstore.messages.StoredMessage;

/**
 * Full-text search with SQLite FTS5 over subject, sender and recipient names and addresses, and
 * the plain text of unprotected bodies (the body text of protected mail is never indexed).
 * Results come newest first by internal date.
 */
public final class MessageSearch {

    private final StoreDatabase database;

    /** @param database the store's database */
    public MessageSearch(StoreDatabase database) {
        this.database = database;
    }

    /**
     * @param text the user's search text (see {@link SearchQuery})
     * @param limit at most this many results
     * @return matching messages of every folder, newest first
     * @throws IllegalArgumentException if the text has no term
     */
    public List<StoredMessage> search(String text, int limit) {
        return run(SearchQuery.parse(text), null, limit);
    }

    /**
     * @param folderId the folder to search
     * @param text the user's search text (see {@link SearchQuery})
     * @param limit at most this many results
     * @return matching messages of that folder, newest first
     */
    public List<StoredMessage> searchFolder(long folderId, String text, int limit) {
        return run(SearchQuery.parse(text), folderId, limit);
    }

    private List<StoredMessage> run(SearchQuery query, Long folderId, int limit) {
        // sort only (id, date) of the matches, then read the full rows of the few kept
        String sql = "SELECT " + MessageRepository.columns("m") + " FROM message m JOIN (SELECT h.id FROM message_fts f"
                + " JOIN message h ON h.id = f.rowid WHERE message_fts MATCH ?" + (folderId == null ? "" : " AND h.folder_id = ?")
                + " ORDER BY h.internal_date DESC, h.id DESC LIMIT ?) top ON top.id = m.id"
                + " ORDER BY m.internal_date DESC, m.id DESC";
        return database.read("searching for " + query.fts5(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                select.setString(index++, query.fts5());
                if (folderId != null) {
                    select.setLong(index++, folderId);
                }
                select.setInt(index, limit);
                return MessageRepository.rows(select);
            }
        });
    }
}
