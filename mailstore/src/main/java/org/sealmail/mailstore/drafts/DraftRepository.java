package org.sealmail.mailstore.drafts;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.messages.RawMessageCompression;
import org.sealmail.mailstore.secrets.StoreKeyCipher;

/**
 * Autosaved drafts. The content of a draft that will be sent encrypted
 * ({@link ComposeProtection#isConfidential()}) is sealed with the store key (AES-256-GCM, see
 * {@link StoreKeyCipher}) before it is written, so its plaintext never lies on disk in clear;
 * other drafts are stored deflate-compressed.
 */
public final class DraftRepository {

    private final StoreDatabase database;
    private final StoreKeyCipher cipher;

    /**
     * @param database the store's database
     * @param cipher the profile's store key, or {@code null} if the secret store is not open (then
     *     drafts of confidential messages are refused)
     */
    public DraftRepository(StoreDatabase database, StoreKeyCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    /**
     * Saves a new draft or replaces a saved one.
     *
     * @param draft the draft; id 0 for a new one
     * @param now the time (UTC)
     * @return the draft's id
     * @throws StoreException REFUSED for a confidential draft without the store key; NOT_FOUND for
     *     an unknown id
     */
    public long save(Draft draft, Instant now) {
        boolean sealed = draft.protection().isConfidential();
        byte[] stored = RawMessageCompression.compress(draft.content());
        if (sealed) {
            if (cipher == null) {
                throw new StoreException(StoreFailure.REFUSED, "a draft of a " + draft.protection()
                        + " message is only saved encrypted, and the store key is not available");
            }
            stored = cipher.seal(stored, associatedData(draft));
        }
        byte[] content = stored;
        return database.write("saving a draft", connection -> {
            if (draft.id() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO draft (account_id, protection, subject,"
                        + " content, sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    JdbcValues.setLong(insert, 1, draft.accountId());
                    insert.setString(2, draft.protection().name());
                    insert.setString(3, draft.subject());
                    insert.setBytes(4, content);
                    insert.setInt(5, sealed ? 1 : 0);
                    JdbcValues.setInstant(insert, 6, now);
                    JdbcValues.setInstant(insert, 7, now);
                    insert.executeUpdate();
                    return JdbcValues.lastInsertId(insert);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE draft SET account_id = ?, protection = ?,"
                    + " subject = ?, content = ?, sealed = ?, updated_at = ? WHERE id = ?")) {
                JdbcValues.setLong(update, 1, draft.accountId());
                update.setString(2, draft.protection().name());
                update.setString(3, draft.subject());
                update.setBytes(4, content);
                update.setInt(5, sealed ? 1 : 0);
                JdbcValues.setInstant(update, 6, now);
                update.setLong(7, draft.id());
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no draft with id " + draft.id());
                }
                return draft.id();
            }
        });
    }

    /**
     * @return the draft, if any
     * @throws StoreException REFUSED if it is sealed and the store key is not available
     */
    public Optional<Draft> find(long id) {
        return database.read("reading draft " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM draft WHERE id = ?")) {
                select.setLong(1, id);
                List<Draft> drafts = drafts(select);
                return drafts.isEmpty() ? Optional.empty() : Optional.of(drafts.get(0));
            }
        });
    }

    /** @return every draft, most recently saved first */
    public List<Draft> list() {
        return database.read("listing drafts", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM draft ORDER BY updated_at DESC, id DESC")) {
                return drafts(select);
            }
        });
    }

    /** Deletes a draft (sent or discarded); @return true if it existed */
    public boolean delete(long id) {
        return database.write("deleting draft " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM draft WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private List<Draft> drafts(PreparedStatement select) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ComposeProtection protection = ComposeProtection.valueOf(row.getString("protection"));
                Long accountId = JdbcValues.getLong(row, "account_id");
                byte[] content = row.getBytes("content");
                if (row.getInt("sealed") != 0) {
                    if (cipher == null) {
                        throw new StoreException(StoreFailure.REFUSED, "draft " + row.getLong("id")
                                + " is encrypted and the store key is not available");
                    }
                    content = cipher.open(content, associatedData(protection, accountId));
                }
                drafts.add(new Draft(row.getLong("id"), accountId, protection, row.getString("subject"),
                        RawMessageCompression.decompress(content), JdbcValues.getInstant(row, "created_at"),
                        JdbcValues.getInstant(row, "updated_at")));
            }
        }
        return drafts;
    }

    private static byte[] associatedData(Draft draft) {
        return associatedData(draft.protection(), draft.accountId());
    }

    private static byte[] associatedData(ComposeProtection protection, Long accountId) {
        return ("draft\0" + protection + "\0" + accountId).getBytes(StandardCharsets.UTF_8);
    }
}
