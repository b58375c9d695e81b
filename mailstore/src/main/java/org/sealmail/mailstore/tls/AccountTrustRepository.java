package org.sealmail.mailstore.tls;

import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;

/**
 * Keeps each account's {@link AccountTrust} in the SQLite store (table {@code account_tls_trust}):
 * extra CA anchors as PEM and pinned server certificates as SHA-256 fingerprints. Only explicit
 * user actions add entries.
 */
public final class AccountTrustRepository {

    private final StoreDatabase database;
    private final Clock clock;

    /**
     * @param database the store
     * @param clock for the time an entry was added
     */
    public AccountTrustRepository(StoreDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param accountId the account
     * @return what it trusts beyond the platform (platform only when nothing is stored)
     * @throws org.sealmail.crypto.CryptoException if a stored anchor is unreadable
     */
    public AccountTrust trust(long accountId) {
        return database.read("reading the TLS trust of account " + accountId, connection -> {
            List<X509Certificate> anchors = new ArrayList<>();
            Set<String> pins = new LinkedHashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT kind, value FROM account_tls_trust WHERE account_id = ? ORDER BY added_at, value")) {
                select.setLong(1, accountId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if ("ANCHOR".equals(row.getString(1))) {
                            anchors.addAll(CertificateFiles.parse(row.getString(2).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                        } else {
                            pins.add(row.getString(2));
                        }
                    }
                }
            }
            return new AccountTrust(anchors, pins);
        });
    }

    /**
     * Adds a CA certificate the account trusts (e.g. a company CA).
     *
     * @param accountId the account
     * @param anchor the CA certificate
     */
    public void addAnchor(long accountId, X509Certificate anchor) {
        add(accountId, "ANCHOR", CertificateFiles.toPem(List.of(anchor)));
    }

    /**
     * Pins one server certificate for the account, after the user compared its fingerprint.
     *
     * @param accountId the account
     * @param sha256Fingerprint the certificate's SHA-256 fingerprint (any common spelling)
     * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
     */
    public void addPin(long accountId, String sha256Fingerprint) {
        add(accountId, "PIN", CertificateFingerprint.normalize(sha256Fingerprint));
    }

    private void add(long accountId, String kind, String value) {
        database.write("adding TLS trust to account " + accountId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO account_tls_trust"
                    + " (account_id, kind, value, added_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, accountId);
                insert.setString(2, kind);
                insert.setString(3, value);
                JdbcValues.setInstant(insert, 4, clock.instant());
                insert.executeUpdate();
            }
            return null;
        });
    }
}
