package org.sealmail.mailstore.keys;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.sealmail.mailstore.db.StoreDatabase;

/** Small named settings of a profile kept in the store (table {@code profile_setting}). */
public final class ProfileSettings {

    /** Whether replaced own keys are kept ("true"/"false"; default true). */
    public static final String KEEP_OLD_KEYS = "keys.keep-old";

    private final StoreDatabase database;

    /**
     * @param database the store's database
     */
    public ProfileSettings(StoreDatabase database) {
        this.database = database;
    }

    /**
     * @param name the setting
     * @return its value, if set
     */
    public Optional<String> get(String name) {
        return database.read("reading setting " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM profile_setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * @param name the setting
     * @param value its new value
     */
    public void set(String name, String value) {
        database.write("saving setting " + name, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO profile_setting (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, name);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }
}
