package org.sealmail.mailstore.accounts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;

/**
 * Accounts and their identities in the store. Passwords are never here: see
 * {@link AccountPasswords}. Each method is one transaction.
 */
public final class AccountRepository {

    private final StoreDatabase database;

    /** @param database the store's database */
    public AccountRepository(StoreDatabase database) {
        this.database = database;
    }

    /**
     * @param account the account to add (its id is ignored)
     * @return the account with its new id
     * @throws StoreException IO if the name is taken
     */
    public Account add(Account account) {
        return database.write("adding account " + account.name(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (name, imap_host, imap_port,"
                    + " imap_security, imap_username, smtp_host, smtp_port, smtp_security, smtp_username, default_protection)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindAccount(insert, account);
                insert.executeUpdate();
                long id = JdbcValues.lastInsertId(insert);
                insertIdentities(connection, id, account.identities());
                return account.withId(id);
            }
        });
    }

    /**
     * Replaces an account's settings and identities.
     *
     * @param account the account, with the id of a stored one
     * @throws StoreException NOT_FOUND if there is no such account
     */
    public void update(Account account) {
        database.write("updating account " + account.name(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE account SET name = ?, imap_host = ?,"
                    + " imap_port = ?, imap_security = ?, imap_username = ?, smtp_host = ?, smtp_port = ?, smtp_security = ?,"
                    + " smtp_username = ?, default_protection = ? WHERE id = ?")) {
                bindAccount(update, account);
                update.setLong(11, account.id());
                if (update.executeUpdate() == 0) {
                    throw new StoreException(StoreFailure.NOT_FOUND, "no account with id " + account.id());
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM identity WHERE account_id = ?")) {
                delete.setLong(1, account.id());
                delete.executeUpdate();
            }
            insertIdentities(connection, account.id(), account.identities());
            return null;
        });
    }

    /** @return the account with this id, if any */
    public Optional<Account> find(long id) {
        return database.read("reading account " + id, connection -> query(connection, "WHERE id = ?", id).stream().findFirst());
    }

    /** @return the account with this name, if any */
    public Optional<Account> findByName(String name) {
        return database.read("reading account " + name, connection -> query(connection, "WHERE name = ?", name).stream().findFirst());
    }

    /** @return every account, by name */
    public List<Account> list() {
        return database.read("listing accounts", connection -> query(connection, "ORDER BY name", null));
    }

    /**
     * Deletes an account with its identities, folders, messages, drafts and outbox entries.
     *
     * @return true if it existed
     */
    public boolean delete(long id) {
        return database.write("deleting account " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM account WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static void bindAccount(PreparedStatement statement, Account account) throws SQLException {
        statement.setString(1, account.name());
        bindServer(statement, 2, account.imap());
        bindServer(statement, 6, account.smtp());
        statement.setString(10, account.defaultProtection().name());
    }

    private static void bindServer(PreparedStatement statement, int first, ServerSettings server) throws SQLException {
        if (server == null) {
            for (int i = 0; i < 4; i++) {
                statement.setNull(first + i, Types.VARCHAR);
            }
            return;
        }
        statement.setString(first, server.host());
        statement.setInt(first + 1, server.port());
        statement.setString(first + 2, server.security().name());
        statement.setString(first + 3, server.username());
    }

    private static void insertIdentities(Connection connection, long accountId, List<Identity> identities) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identity (account_id, position, display_name,"
                + " address, signing_key_store, encryption_key_store) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < identities.size(); i++) {
                Identity identity = identities.get(i);
                insert.setLong(1, accountId);
                insert.setInt(2, i);
                insert.setString(3, identity.displayName());
                insert.setString(4, identity.address());
                insert.setString(5, identity.signingKeyStore() == null ? null : identity.signingKeyStore().toString());
                insert.setString(6, identity.encryptionKeyStore() == null ? null : identity.encryptionKeyStore().toString());
                insert.executeUpdate();
            }
        }
    }

    private static List<Account> query(Connection connection, String clause, Object parameter) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM account " + clause)) {
            if (parameter != null) {
                select.setObject(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong("id");
                    accounts.add(new Account(id, row.getString("name"), server(row, "imap"), server(row, "smtp"),
                            identities(connection, id), ComposeProtection.valueOf(row.getString("default_protection"))));
                }
            }
        }
        return accounts;
    }

    private static ServerSettings server(ResultSet row, String prefix) throws SQLException {
        String host = row.getString(prefix + "_host");
        if (host == null) {
            return null;
        }
        return new ServerSettings(host, row.getInt(prefix + "_port"), ConnectionSecurity.valueOf(row.getString(prefix + "_security")),
                row.getString(prefix + "_username"));
    }

    private static List<Identity> identities(Connection connection, long accountId) throws SQLException {
        List<Identity> identities = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM identity WHERE account_id = ? ORDER BY position")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String signing = row.getString("signing_key_store");
                    String encryption = row.getString("encryption_key_store");
                    identities.add(new Identity(row.getString("display_name"), row.getString("address"),
                            signing == null ? null : Path.of(signing), encryption == null ? null : Path.of(encryption)));
                }
            }
        }
        return identities;
    }
}
