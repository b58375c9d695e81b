package org.sealmail.mailstore.threading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assigns conversations incrementally as messages arrive, in any order: every Message-ID a
 * message names (its own, References, In-Reply-To) is linked to one conversation, and a message
 * joining ids of several conversations merges them. The result is the connected components of
 * the reference graph: the threads of JWZ threading (https://www.jwz.org/doc/threading.html)
 * without its subject grouping, as {@link JwzThreading} computes them in one pass. As in JWZ, a
 * second message with a Message-ID already carried by a stored message is a distinct message: it
 * joins the conversation of its References, not that of its namesake.
 */
public final class ConversationLinks {

    private static final int IN_CHUNK = 500;

    private ConversationLinks() {
    }

    /**
     * Records a new message's ids and returns its conversation id; called inside the write
     * transaction that inserts the message (before it sets {@code message.conversation_id}).
     *
     * @param connection the write connection
     * @param rowId the new message's row id (becomes the conversation id of a new conversation)
     * @param messageId its Message-ID, or {@code null}
     * @param parentIds its References (or In-Reply-To) ids, oldest first
     * @return the conversation id
     * @throws SQLException on SQL errors
     */
    public static long assign(Connection connection, long rowId, String messageId, List<String> parentIds) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        boolean owns = messageId != null && !isOwned(connection, messageId);
        if (owns) {
            ids.add(messageId);
        }
        ids.addAll(parentIds);
        if (ids.isEmpty()) {
            return rowId;
        }
        TreeSet<Long> found = conversationsOf(connection, new ArrayList<>(ids));
        long conversation = found.isEmpty() ? rowId : found.first();
        for (Long other : found) {
            if (other != conversation) {
                merge(connection, other, conversation);
            }
        }
        try (PreparedStatement link = connection.prepareStatement(
                "INSERT INTO conversation_link (header_message_id, conversation_id) VALUES (?, ?)"
                        + " ON CONFLICT (header_message_id) DO UPDATE SET conversation_id = excluded.conversation_id")) {
            for (String id : ids) {
                link.setString(1, id);
                link.setLong(2, conversation);
                link.addBatch();
            }
            link.executeBatch();
        }
        if (owns) {
            try (PreparedStatement own = connection.prepareStatement(
                    "UPDATE conversation_link SET owned = 1 WHERE header_message_id = ?")) {
                own.setString(1, messageId);
                own.executeUpdate();
            }
        }
        return conversation;
    }

    private static boolean isOwned(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT owned FROM conversation_link WHERE header_message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getInt(1) != 0;
            }
        }
    }

    private static TreeSet<Long> conversationsOf(Connection connection, List<String> ids) throws SQLException {
        TreeSet<Long> found = new TreeSet<>();
        for (int start = 0; start < ids.size(); start += IN_CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT conversation_id FROM conversation_link WHERE header_message_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    private static void merge(Connection connection, long from, long into) throws SQLException {
        for (String sql : List.of("UPDATE message SET conversation_id = ? WHERE conversation_id = ?",
                "UPDATE conversation_link SET conversation_id = ? WHERE conversation_id = ?")) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setLong(1, into);
                update.setLong(2, from);
                update.executeUpdate();
            }
        }
    }
}
