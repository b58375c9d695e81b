package org.sealmail.mailstore.certificates;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.HarvestedCertificate;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.messages.IncomingMessage;

/**
 * The directory of correspondents' certificates, harvested from verified signed mail
 * ({@link HarvestedCertificate}) or imported, filed by address with when each was first and last
 * seen and the SMIMECapabilities its owner announced. The user's own keys are not here: they stay
 * in PKCS#12 files (see {@link org.sealmail.mailstore.accounts.Identity}).
 */
public final class CertificateDirectory {

    private final StoreDatabase database;

    /** @param database the store's database */
    public CertificateDirectory(StoreDatabase database) {
        this.database = database;
    }

    /**
     * Records a certificate harvested from a signed message: adds it, or for one already known
     * under that address moves last-seen forward (first-seen back) and, if this sighting is the
     * newest, takes its SMIMECapabilities and encryption-key preference.
     *
     * @param harvested the certificate and what the message said
     */
    public void record(HarvestedCertificate harvested) {
        upsert(harvested.address(), harvested.certificate(), harvested.smimeCapabilities(),
                harvested.encryptionKeyPreference(), CertificateSource.HARVESTED, harvested.seenAt());
    }

    /**
     * Imports a certificate under every address it names (SAN rfc822Name, subject emailAddress).
     *
     * @param certificate the certificate
     * @param now the import time (UTC)
     * @return the addresses it was filed under
     * @throws StoreException REFUSED if it names no e-mail address
     */
    public List<String> importCertificate(X509Certificate certificate, Instant now) {
        List<String> addresses = CertificateAddresses.of(certificate);
        if (addresses.isEmpty()) {
            throw new StoreException(StoreFailure.REFUSED, "the certificate " + certificate.getSubjectX500Principal().getName()
                    + " names no e-mail address (no rfc822Name, no emailAddress)");
        }
        database.write("importing a certificate", connection -> {
            for (String address : addresses) {
                upsert(address, certificate, List.of(), false, CertificateSource.IMPORTED, now);
            }
            return null;
        });
        return addresses;
    }

    /**
     * @param address an address (compared case-insensitively)
     * @return its certificates: those marked by SMIMEEncryptionKeyPreference first, then most
     *     recently seen first
     */
    public List<DirectoryEntry> find(String address) {
        return database.read("looking up certificates of " + address, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM certificate WHERE address = ?"
                    + " ORDER BY encryption_key_preference DESC, last_seen DESC, id DESC")) {
                select.setString(1, address.toLowerCase(Locale.ROOT));
                return entries(select);
            }
        });
    }

    /** @return every entry, by address */
    public List<DirectoryEntry> list() {
        return database.read("listing certificates", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM certificate ORDER BY address, last_seen DESC")) {
                return entries(select);
            }
        });
    }

    /** Removes one certificate from an address; @return true if it was there */
    public boolean remove(String address, String sha256Fingerprint) {
        return database.write("removing a certificate", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM certificate WHERE address = ? AND sha256_fingerprint = ?")) {
                delete.setString(1, address.toLowerCase(Locale.ROOT));
                delete.setString(2, sha256Fingerprint);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** @return SHA-256 of the certificate's DER encoding, lower-case hex */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(IncomingMessage.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new StoreException(StoreFailure.REFUSED, "the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private void upsert(String address, X509Certificate certificate, List<String> capabilities, boolean preference,
            CertificateSource source, Instant seenAt) {
        String normalized = address.toLowerCase(Locale.ROOT);
        String fingerprint = fingerprint(certificate);
        database.write("recording the certificate of " + normalized, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO certificate (address, sha256_fingerprint,"
                    + " der, subject, issuer, not_before, not_after, smime_capabilities, encryption_key_preference, source,"
                    + " first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (address, sha256_fingerprint) DO UPDATE SET"
                    + " smime_capabilities = CASE WHEN excluded.last_seen >= last_seen AND excluded.source = 'HARVESTED'"
                    + "   THEN excluded.smime_capabilities ELSE smime_capabilities END,"
                    + " encryption_key_preference = CASE WHEN excluded.last_seen >= last_seen AND excluded.source = 'HARVESTED'"
                    + "   THEN excluded.encryption_key_preference ELSE encryption_key_preference END,"
                    + " first_seen = min(first_seen, excluded.first_seen),"
                    + " last_seen = max(last_seen, excluded.last_seen)")) {
                insert.setString(1, normalized);
                insert.setString(2, fingerprint);
                insert.setBytes(3, encoded(certificate));
                insert.setString(4, certificate.getSubjectX500Principal().getName());
                insert.setString(5, certificate.getIssuerX500Principal().getName());
                JdbcValues.setInstant(insert, 6, certificate.getNotBefore().toInstant());
                JdbcValues.setInstant(insert, 7, certificate.getNotAfter().toInstant());
                insert.setString(8, String.join(" ", capabilities));
                insert.setInt(9, preference ? 1 : 0);
                insert.setString(10, source.name());
                JdbcValues.setInstant(insert, 11, seenAt);
                JdbcValues.setInstant(insert, 12, seenAt);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new StoreException(StoreFailure.REFUSED, "the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static List<DirectoryEntry> entries(PreparedStatement select) throws SQLException {
        List<DirectoryEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String capabilities = row.getString("smime_capabilities");
                entries.add(new DirectoryEntry(row.getString("address"), certificate(row.getBytes("der")),
                        row.getString("sha256_fingerprint"), capabilities.isEmpty() ? List.of() : List.of(capabilities.split(" ")),
                        row.getInt("encryption_key_preference") != 0, CertificateSource.valueOf(row.getString("source")),
                        JdbcValues.getInstant(row, "first_seen"), JdbcValues.getInstant(row, "last_seen")));
            }
        }
        return entries;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new StoreException(StoreFailure.CORRUPT, "a stored certificate is not valid DER: " + e.getMessage(), e);
        }
    }
}
