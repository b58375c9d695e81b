package org.sealmail.mailstore.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.folders.FolderRepository;
import org.sealmail.mailstore.threading.ConversationLinks;

/**
 * Messages of folders: the row ({@link StoredMessage}), the raw message (deflate-compressed) and
 * the full-text index entry, always written together in one transaction. A message is a duplicate
 * in its folder if it has the same Message-ID and SHA-256 content hash, or the same UID.
 *
 * <p>The store only ever holds a message as received: for a protected message that is the
 * encrypted form. Only subject, names and addresses of a protected message are indexed; its body
 * text never is (see {@link ParsedMessage}).
 */
public final class MessageRepository {

    private static final String COLUMNS = "id, folder_id, uid, message_id, subject, from_list, to_list, cc_list, sent_date,"
            + " internal_date, conversation_id, flags, keywords, size, mime_structure, protection, parse_warning, body_fetched";

    private final StoreDatabase database;

    /** @param database the store's database */
    public MessageRepository(StoreDatabase database) {
        this.database = database;
    }

    /**
     * Adds a message with its raw bytes, unless the folder holds it already.
     *
     * @param folderId the folder
     * @param message the parsed message
     * @return the new row's id, or the existing one's for a duplicate
     * @throws StoreException NOT_FOUND for an unknown folder
     */
    public AddResult add(long folderId, IncomingMessage message) {
        return database.write("adding a message to folder " + folderId, connection -> {
            FolderRepository.require(connection, folderId);
            Optional<Long> existing = findDuplicate(connection, folderId, message);
            if (existing.isPresent()) {
                return new AddResult(existing.get(), true);
            }
            long id = insertRow(connection, folderId, message.parsed(), message.contentHash(), message.uid(),
                    message.internalDate(), message.flags(), message.keywords(), message.raw().length, true);
            insertRaw(connection, id, message.compressed());
            index(connection, id, message.parsed());
            return new AddResult(id, false);
        });
    }

    /**
     * Adds a message of which only the header section is known so far (the body is not yet
     * fetched); {@link #attachBody} completes it.
     *
     * @param folderId the folder
     * @param header the parsed header section (from {@link MessageParser#parse} of the headers)
     * @param uid the IMAP UID
     * @param size the full message's size (RFC822.SIZE), in bytes
     * @param internalDate the IMAP INTERNALDATE (UTC)
     * @param flags the system flags
     * @param keywords the keywords
     * @return the new row's id, or the existing one's if the UID is already stored
     */
    public AddResult addHeaderOnly(long folderId, ParsedMessage header, long uid, long size, Instant internalDate,
            Set<MessageFlag> flags, Set<String> keywords) {
        return database.write("adding message headers to folder " + folderId, connection -> {
            FolderRepository.require(connection, folderId);
            Optional<Long> existing = findByUid(connection, folderId, uid);
            if (existing.isPresent()) {
                return new AddResult(existing.get(), true);
            }
            long id = insertRow(connection, folderId, header, null, uid, internalDate, flags, keywords, size, false);
            index(connection, id, header);
            return new AddResult(id, false);
        });
    }

    /**
     * Stores the fetched body of a message added with {@link #addHeaderOnly}: the raw message as
     * received from the server (never a decrypted form).
     *
     * @param messageId the row id
     * @param raw the full raw message
     * @param parsed what the parser read from {@code raw}
     * @throws StoreException NOT_FOUND for an unknown message
     */
    public void attachBody(long messageId, byte[] raw, ParsedMessage parsed) {
        byte[] hash = IncomingMessage.sha256(raw);
        byte[] compressed = RawMessageCompression.compress(raw);
        database.write("storing the body of message " + messageId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE message SET content_hash = ?, size = ?,"
                    + " mime_structure = ?, protection = ?, parse_warning = ?, body_fetched = 1 WHERE id = ?")) {
                update.setBytes(1, hash);
                update.setLong(2, raw.length);
                update.setString(3, parsed.mimeStructure());
                update.setString(4, parsed.protection().name());
                update.setString(5, parsed.parseWarning());
                update.setLong(6, messageId);
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no message with id " + messageId);
                }
            }
            insertRaw(connection, messageId, compressed);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message_fts WHERE rowid = ?")) {
                delete.setLong(1, messageId);
                delete.executeUpdate();
            }
            index(connection, messageId, parsed);
            return null;
        });
    }

    /** @return the message, if stored */
    public Optional<StoredMessage> find(long id) {
        return database.read("reading message " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE id = ?")) {
                select.setLong(1, id);
                List<StoredMessage> rows = rows(select);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    /**
     * @param id the message
     * @return its raw bytes as received, or empty if the body is not fetched (or no such message)
     * @throws StoreException CORRUPT if the stored bytes do not inflate to the recorded size
     */
    public Optional<byte[]> raw(long id) {
        return database.read("reading the raw message " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT r.compressed, m.size FROM message_raw r JOIN message m ON m.id = r.message_id WHERE r.message_id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(RawMessageCompression.decompress(row.getBytes(1), row.getLong(2)));
                }
            }
        });
    }

    /**
     * The newest messages of a folder by internal date (served by the index on
     * {@code (folder_id, internal_date DESC, id DESC)}).
     *
     * @param folderId the folder
     * @param offset how many newer ones to skip
     * @param limit at most this many
     * @return newest first
     */
    public List<StoredMessage> newest(long folderId, int offset, int limit) {
        return database.read("listing folder " + folderId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM message WHERE folder_id = ? ORDER BY internal_date DESC, id DESC LIMIT ? OFFSET ?")) {
                select.setLong(1, folderId);
                select.setInt(2, limit);
                select.setInt(3, offset);
                return rows(select);
            }
        });
    }

    /** The orders of {@link #page} and {@link #conversationHeads} (the desktop client's sortable columns). */
    public enum Order {
        /** Internal date (arrival), then id. */
        INTERNAL_DATE("internal_date"),
        /** Subject, case-insensitive (SQLite NOCASE: ASCII letters only). */
        SUBJECT("subject COLLATE NOCASE"),
        /** The encoded From list, case-insensitive. */
        FROM("from_list COLLATE NOCASE"),
        /** RFC 822 size in bytes. */
        SIZE("size");

        private final String column;

        Order(String column) {
            this.column = column;
        }

        String orderBy(boolean ascending) {
            String direction = ascending ? " ASC" : " DESC";
            return " ORDER BY " + column + direction + ", id" + direction;
        }
    }

    /**
     * A conversation as one row of a message list: its newest message in the folder and how many
     * of the conversation's messages the folder holds.
     *
     * @param newest the newest message of the conversation in the folder
     * @param size the number of the conversation's messages in the folder
     */
    public record ConversationHead(StoredMessage newest, int size) {
    }

    /**
     * One page of a folder in a chosen order. The date order uses the folder/date index; the
     * others sort the folder's rows (about 0.1 s for 100,000 messages).
     *
     * @param folderId the folder
     * @param order the order
     * @param ascending true for ascending
     * @param offset rows to skip
     * @param limit at most this many rows
     * @return the page
     */
    public List<StoredMessage> page(long folderId, Order order, boolean ascending, int offset, int limit) {
        return database.read("listing folder " + folderId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM message WHERE folder_id = ?" + order.orderBy(ascending) + " LIMIT ? OFFSET ?")) {
                select.setLong(1, folderId);
                select.setInt(2, limit);
                select.setInt(3, offset);
                return rows(select);
            }
        });
    }

    /**
     * One page of a folder's conversations (the newest message of each, SQLite window functions),
     * in a chosen order of those newest messages.
     *
     * @param folderId the folder
     * @param order the order
     * @param ascending true for ascending
     * @param offset rows to skip
     * @param limit at most this many rows
     * @return the page
     */
    public List<ConversationHead> conversationHeads(long folderId, Order order, boolean ascending, int offset, int limit) {
        return database.read("listing conversations of folder " + folderId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", thread_size FROM ("
                    + "SELECT " + COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY internal_date DESC,"
                    + " id DESC) AS position, COUNT(*) OVER (PARTITION BY conversation_id) AS thread_size"
                    + " FROM message WHERE folder_id = ?) WHERE position = 1" + order.orderBy(ascending)
                    + " LIMIT ? OFFSET ?")) {
                select.setLong(1, folderId);
                select.setInt(2, limit);
                select.setInt(3, offset);
                List<Integer> sizes = new ArrayList<>();
                List<StoredMessage> heads = rows(select, row -> sizes.add(row.getInt("thread_size")));
                List<ConversationHead> result = new ArrayList<>();
                for (int i = 0; i < heads.size(); i++) {
                    result.add(new ConversationHead(heads.get(i), sizes.get(i)));
                }
                return result;
            }
        });
    }

    /** @return how many conversations the folder holds messages of */
    public long countConversations(long folderId) {
        return countWhere("counting conversations of folder " + folderId,
                "SELECT count(DISTINCT conversation_id) FROM message WHERE folder_id = ?", folderId);
    }

    /** @return how many messages of the folder lack the \Seen flag */
    public long countUnread(long folderId) {
        return countWhere("counting unread messages of folder " + folderId,
                "SELECT count(*) FROM message WHERE folder_id = ? AND (flags & "
                        + MessageFlag.toMask(Set.of(MessageFlag.SEEN)) + ") = 0", folderId);
    }

    private long countWhere(String doing, String sql, long folderId) {
        return database.read(doing, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, folderId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** @return every message id of a folder, oldest first (for export) */
    public List<Long> idsOldestFirst(long folderId) {
        return database.read("listing folder " + folderId, connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM message WHERE folder_id = ? ORDER BY internal_date, id")) {
                select.setLong(1, folderId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** @return the messages of a conversation, oldest first */
    public List<StoredMessage> conversation(long conversationId) {
        return database.read("reading conversation " + conversationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM message WHERE conversation_id = ? ORDER BY internal_date, id")) {
                select.setLong(1, conversationId);
                return rows(select);
            }
        });
    }

    /** @return how many messages the folder holds */
    public long count(long folderId) {
        return database.read("counting folder " + folderId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM message WHERE folder_id = ?")) {
                select.setLong(1, folderId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Replaces a message's flags and keywords.
     *
     * @throws StoreException NOT_FOUND for an unknown message
     */
    public void setFlags(long id, Set<MessageFlag> flags, Set<String> keywords) {
        database.write("setting flags of message " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE message SET flags = ?, keywords = ? WHERE id = ?")) {
                update.setInt(1, MessageFlag.toMask(flags));
                update.setString(2, String.join(" ", new TreeSet<>(keywords)));
                update.setLong(3, id);
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no message with id " + id);
                }
            }
            return null;
        });
    }

    /** Deletes a message with its raw bytes and index entry; @return true if it existed */
    public boolean delete(long id) {
        return database.write("deleting message " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Reads message rows from a query selecting {@code COLUMNS}-compatible columns (used by search).
     *
     * @param select a statement whose rows have the columns of the message table
     * @return the messages
     * @throws SQLException on SQL errors
     */
    public static List<StoredMessage> rows(PreparedStatement select) throws SQLException {
        return rows(select, row -> { });
    }

    /** Reads message rows and hands each row to {@code extra} for columns beyond the message's own. */
    private static List<StoredMessage> rows(PreparedStatement select, RowReader extra) throws SQLException {
        List<StoredMessage> messages = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                extra.read(row);
                String keywords = row.getString("keywords");
                messages.add(new StoredMessage(row.getLong("id"), row.getLong("folder_id"), JdbcValues.getLong(row, "uid"),
                        row.getString("message_id"), row.getString("subject"), AddressLists.decode(row.getString("from_list")),
                        AddressLists.decode(row.getString("to_list")), AddressLists.decode(row.getString("cc_list")),
                        JdbcValues.getInstant(row, "sent_date"), JdbcValues.getInstant(row, "internal_date"),
                        row.getLong("conversation_id"), MessageFlag.fromMask(row.getInt("flags")),
                        keywords.isEmpty() ? Set.of() : Set.of(keywords.split(" ")), row.getLong("size"),
                        row.getString("mime_structure"), MessageProtection.valueOf(row.getString("protection")),
                        row.getString("parse_warning"), row.getInt("body_fetched") != 0));
            }
        }
        return messages;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** @return the columns of a message row, comma-separated, for queries that select messages */
    public static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static Optional<Long> findDuplicate(Connection connection, long folderId, IncomingMessage message) throws SQLException {
        if (message.uid() != null) {
            Optional<Long> byUid = findByUid(connection, folderId, message.uid());
            if (byUid.isPresent()) {
                return byUid;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE folder_id = ?"
                + " AND ifnull(message_id, '') = ? AND content_hash = ?")) {
            select.setLong(1, folderId);
            String messageId = message.parsed().messageId();
            select.setString(2, messageId == null ? "" : messageId);
            select.setBytes(3, message.contentHash());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<Long> findByUid(Connection connection, long folderId, long uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE folder_id = ? AND uid = ?")) {
            select.setLong(1, folderId);
            select.setLong(2, uid);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insertRow(Connection connection, long folderId, ParsedMessage parsed, byte[] contentHash, Long uid,
            Instant internalDate, Set<MessageFlag> flags, Set<String> keywords, long size, boolean bodyFetched)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message (folder_id, uid, message_id,"
                + " content_hash, subject, from_list, to_list, cc_list, sent_date, internal_date, in_reply_to, references_list,"
                + " conversation_id, flags, keywords, size, mime_structure, protection, parse_warning, body_fetched)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, folderId);
            JdbcValues.setLong(insert, 2, uid);
            insert.setString(3, parsed.messageId());
            insert.setBytes(4, contentHash);
            insert.setString(5, parsed.subject());
            insert.setString(6, AddressLists.encode(parsed.from()));
            insert.setString(7, AddressLists.encode(parsed.to()));
            insert.setString(8, AddressLists.encode(parsed.cc()));
            JdbcValues.setInstant(insert, 9, parsed.sentDate());
            JdbcValues.setInstant(insert, 10, internalDate);
            insert.setString(11, parsed.inReplyTo());
            insert.setString(12, parsed.references().isEmpty() ? null : String.join(" ", parsed.references()));
            insert.setInt(13, MessageFlag.toMask(flags));
            insert.setString(14, String.join(" ", new TreeSet<>(keywords)));
            insert.setLong(15, size);
            insert.setString(16, parsed.mimeStructure());
            insert.setString(17, parsed.protection().name());
            insert.setString(18, parsed.parseWarning());
            insert.setInt(19, bodyFetched ? 1 : 0);
            insert.executeUpdate();
            id = JdbcValues.lastInsertId(insert);
        }
        long conversation = ConversationLinks.assign(connection, id, parsed.messageId(), parsed.parentIds());
        try (PreparedStatement update = connection.prepareStatement("UPDATE message SET conversation_id = ? WHERE id = ?")) {
            update.setLong(1, conversation);
            update.setLong(2, id);
            update.executeUpdate();
        }
        return id;
    }

    private static void insertRaw(Connection connection, long id, byte[] compressed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO message_raw (message_id, compressed) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setBytes(2, compressed);
            insert.executeUpdate();
        }
    }

    /** Indexes subject, sender, recipients and, for unprotected mail only, the body text. */
    private static void index(Connection connection, long id, ParsedMessage parsed) throws SQLException {
        String body = parsed.protection().allowsBodyIndexing() ? parsed.bodyText() : null;
        List<MailAddress> recipients = new ArrayList<>(parsed.to());
        recipients.addAll(parsed.cc());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message_fts (rowid, subject, sender, recipients, body) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, parsed.subject());
            insert.setString(3, AddressLists.searchable(parsed.from()));
            insert.setString(4, AddressLists.searchable(recipients));
            insert.setString(5, body);
            insert.executeUpdate();
        }
    }
}
