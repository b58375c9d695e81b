package org.sealmail.mailstore.licenses;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.sealmail.crypto.rights.CachedUseLicense;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.secrets.StoreKeyCipher;

/**
 * The use-license cache of DESIGN.md in the store: licenses looked up by content id and licensee,
 * kept until their notAfter, encrypted at rest. Content id, licensee and notAfter are clear (they
 * are the lookup and expiry keys); the license itself (a JWS holding the content-encryption key
 * wrapped to the device key) is sealed with AES-256-GCM under the profile's store key
 * ({@link StoreKeyCipher}: kept in the OS keyring or the master-password file, never in the
 * database), with "contentId NUL licensee" as associated data so a sealed license cannot be moved
 * to another row.
 */
public final class SqliteUseLicenseCache implements UseLicenseCache {

    private final StoreDatabase database;
    private final StoreKeyCipher cipher;

    /**
     * @param database the store's database
     * @param cipher the profile's store key
     */
    public SqliteUseLicenseCache(StoreDatabase database, StoreKeyCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public Optional<CachedUseLicense> find(String contentId, String licensee) {
        String normalized = licensee.toLowerCase(Locale.ROOT);
        return database.read("looking up a use license", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT not_after, sealed FROM use_license WHERE content_id = ? AND licensee = ?")) {
                select.setString(1, contentId);
                select.setString(2, normalized);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Instant notAfter = JdbcValues.getInstant(row, "not_after");
                    byte[] encoded = cipher.open(row.getBytes("sealed"), associatedData(contentId, normalized));
                    return Optional.of(new CachedUseLicense(contentId, normalized, notAfter, encoded));
                }
            }
        });
    }

    @Override
    public void put(CachedUseLicense license) {
        String normalized = license.licensee().toLowerCase(Locale.ROOT);
        byte[] sealed = cipher.seal(license.encoded(), associatedData(license.contentId(), normalized));
        database.write("caching a use license", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO use_license"
                    + " (content_id, licensee, not_after, sealed) VALUES (?, ?, ?, ?)")) {
                upsert.setString(1, license.contentId());
                upsert.setString(2, normalized);
                JdbcValues.setInstant(upsert, 3, license.notAfter());
                upsert.setBytes(4, sealed);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int removeExpired(Instant now) {
        return database.write("removing expired use licenses", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM use_license WHERE not_after < ?")) {
                JdbcValues.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static byte[] associatedData(String contentId, String licensee) {
        return (contentId + "\0" + licensee).getBytes(StandardCharsets.UTF_8);
    }
}
