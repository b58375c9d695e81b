package org.sealmail.mailstore.keys;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.mailstore.certificates.CertificateDirectory;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;

/**
 * The CA certificates the user trusts for S/MIME signatures and protected-message issuers
 * (table {@code trust_anchor}, PEM, keyed by SHA-256 fingerprint). Only explicit imports add them.
 */
public final class TrustAnchorRepository {

    private final StoreDatabase database;

    /**
     * @param database the store's database
     */
    public TrustAnchorRepository(StoreDatabase database) {
        this.database = database;
    }

    /**
     * Adds an anchor; adding one already there changes nothing.
     *
     * @param anchor the CA certificate
     * @param now when it was added (UTC)
     */
    public void add(X509Certificate anchor, Instant now) {
        database.write("adding a trust anchor", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO trust_anchor"
                    + " (sha256_fingerprint, certificate_pem, added_at) VALUES (?, ?, ?)")) {
                insert.setString(1, CertificateDirectory.fingerprint(anchor));
                insert.setString(2, CertificateFiles.toPem(List.of(anchor)));
                JdbcValues.setInstant(insert, 3, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** @return the anchors in the order they were added */
    public List<X509Certificate> list() {
        return database.read("reading trust anchors", connection -> {
            List<X509Certificate> anchors = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT certificate_pem FROM trust_anchor ORDER BY added_at, sha256_fingerprint");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    anchors.addAll(CertificateFiles.parse(row.getString(1).getBytes(StandardCharsets.US_ASCII)));
                }
            }
            return anchors;
        });
    }
}
