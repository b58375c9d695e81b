package org.sealmail.mailstore.threading;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        Set<String> ids = new LinkedHashSet<>(parentIds);
        if (messageId != null) {
            ids.add(messageId);
        }
        if (ids.isEmpty()) {
            return rowId;
        }
        Map<String, long[]> known = links(connection, new ArrayList<>(ids));
        long[] own = messageId == null ? null : known.get(messageId);
        boolean owns = messageId != null && (own == null || own[1] == 0);
        if (messageId != null && !owns) {
            ids.remove(messageId);
            known.remove(messageId);
        }
        TreeSet<Long> found = new TreeSet<>();
        for (long[] link : known.values()) {
            found.add(link[0]);
        }
        long conversation = found.isEmpty() ? rowId : found.first();
        for (Long other : found) {
            if (other != conversation) {
                merge(connection, other, conversation);
            }
        }
        try (PreparedStatement link = connection.prepareStatement(
                "INSERT INTO conversation_link (header_message_id, conversation_id, owned) VALUES (?, ?, ?)"
                        + " ON CONFLICT (header_message_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
                        + " owned = max(owned, excluded.owned)")) {
            for (String id : ids) {
                link.setString(1, id);
                link.setLong(2, conversation);
                link.setInt(3, owns && id.equals(messageId) ? 1 : 0);
                link.addBatch();
            }
            link.executeBatch();
        }
        return conversation;
    }

    /** @return for each known id: {conversation id, owned} */
    private static Map<String, long[]> links(Connection connection, List<String> ids) throws SQLException {
        Map<String, long[]> found = new HashMap<>();
        for (int start = 0; start < ids.size(); start += IN_CHUNK) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT header_message_id, conversation_id, owned"
                    + " FROM conversation_link WHERE header_message_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
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
