package org.sealmail.mailstore.folders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;

/** Folders of the accounts and local folders. Each method is one transaction. */
public final class FolderRepository {

    private final StoreDatabase database;

    /** @param database the store's database */
    public FolderRepository(StoreDatabase database) {
        this.database = database;
    }

    /**
     * Adds a folder.
     *
     * @param accountId the account, or {@code null} for a local folder
     * @param name the folder's full name
     * @param delimiter the hierarchy delimiter, or {@code null}
     * @param specialUse the role, or {@code null}
     * @return the stored folder
     * @throws StoreException IO if the account already has a folder of this name
     */
    public Folder add(Long accountId, String name, String delimiter, SpecialUse specialUse) {
        return database.write("adding folder " + name, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO folder (account_id, name, delimiter, special_use) VALUES (?, ?, ?, ?)")) {
                JdbcValues.setLong(insert, 1, accountId);
                insert.setString(2, name);
                insert.setString(3, delimiter);
                insert.setString(4, specialUse == null ? null : specialUse.name());
                insert.executeUpdate();
                return new Folder(JdbcValues.lastInsertId(insert), accountId, name, delimiter, specialUse, null, null, null, true);
            }
        });
    }

    /**
     * @param name a local folder's name
     * @return the local folder of that name, made if missing
     */
    public Folder localFolder(String name) {
        return database.write("opening local folder " + name, connection -> {
            Optional<Folder> existing = findByName(connection, null, name);
            return existing.isPresent() ? existing.get() : add(null, name, null, null);
        });
    }

    /** @return the folder with this id, if any */
    public Optional<Folder> find(long id) {
        return database.read("reading folder " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM folder WHERE id = ?")) {
                select.setLong(1, id);
                return first(select);
            }
        });
    }

    /**
     * @param accountId the account, or {@code null} for local folders
     * @param name the full name
     * @return the folder, if any
     */
    public Optional<Folder> findByName(Long accountId, String name) {
        return database.read("reading folder " + name, connection -> findByName(connection, accountId, name));
    }

    /**
     * @param accountId the account, or {@code null} for local folders
     * @return its folders, by name
     */
    public List<Folder> list(Long accountId) {
        return database.read("listing folders", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM folder WHERE ifnull(account_id, 0) = ? ORDER BY name")) {
                select.setLong(1, accountId == null ? 0 : accountId);
                return all(select);
            }
        });
    }

    /**
     * Records the server state after a sync. If UIDVALIDITY changed, every stored message of the
     * folder is deleted in the same transaction: its UIDs no longer name the same messages
     * (RFC 3501 §2.3.1.1).
     *
     * @param folderId the folder
     * @param uidValidity the server's UIDVALIDITY
     * @param uidNext the server's UIDNEXT
     * @param highestModSeq the server's HIGHESTMODSEQ, or {@code null}
     * @return true if UIDVALIDITY changed and the folder's messages were dropped
     * @throws StoreException NOT_FOUND for an unknown folder
     */
    public boolean updateSyncState(long folderId, long uidValidity, long uidNext, Long highestModSeq) {
        return database.write("updating the sync state of folder " + folderId, connection -> {
            Folder folder = require(connection, folderId);
            boolean reset = folder.uidValidity() != null && folder.uidValidity() != uidValidity;
            if (reset) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE folder_id = ?")) {
                    delete.setLong(1, folderId);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE folder SET uid_validity = ?, uid_next = ?, highest_modseq = ? WHERE id = ?")) {
                update.setLong(1, uidValidity);
                update.setLong(2, uidNext);
                JdbcValues.setLong(update, 3, highestModSeq);
                update.setLong(4, folderId);
                update.executeUpdate();
            }
            return reset;
        });
    }

    /** Sets whether a folder is subscribed. */
    public void setSubscribed(long folderId, boolean subscribed) {
        updateOne(folderId, "UPDATE folder SET subscribed = ? WHERE id = ?", subscribed ? 1 : 0);
    }

    /** Renames a folder (after the server renamed it). */
    public void rename(long folderId, String newName) {
        updateOne(folderId, "UPDATE folder SET name = ? WHERE id = ?", newName);
    }

    /** Deletes a folder and its messages; @return true if it existed */
    public boolean delete(long folderId) {
        return database.write("deleting folder " + folderId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM folder WHERE id = ?")) {
                delete.setLong(1, folderId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private void updateOne(long folderId, String sql, Object value) {
        database.write("updating folder " + folderId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setLong(2, folderId);
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no folder with id " + folderId);
                }
            }
            return null;
        });
    }

    /**
     * @return the folder, read on the given connection
     * @throws StoreException NOT_FOUND if there is none
     */
    public static Folder require(Connection connection, long folderId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM folder WHERE id = ?")) {
            select.setLong(1, folderId);
            return first(select).orElseThrow(() -> new StoreException(StoreFailure.NOT_FOUND, "no folder with id " + folderId));
        }
    }

    private static Optional<Folder> findByName(Connection connection, Long accountId, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM folder WHERE ifnull(account_id, 0) = ? AND name = ?")) {
            select.setLong(1, accountId == null ? 0 : accountId);
            select.setString(2, name);
            return first(select);
        }
    }

    private static Optional<Folder> first(PreparedStatement select) throws SQLException {
        List<Folder> folders = all(select);
        return folders.isEmpty() ? Optional.empty() : Optional.of(folders.get(0));
    }

    private static List<Folder> all(PreparedStatement select) throws SQLException {
        List<Folder> folders = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String specialUse = row.getString("special_use");
                folders.add(new Folder(row.getLong("id"), JdbcValues.getLong(row, "account_id"), row.getString("name"),
                        row.getString("delimiter"), specialUse == null ? null : SpecialUse.valueOf(specialUse),
                        JdbcValues.getLong(row, "uid_validity"), JdbcValues.getLong(row, "uid_next"),
                        JdbcValues.getLong(row, "highest_modseq"), row.getInt("subscribed") != 0));
            }
        }
        return folders;
    }
}
