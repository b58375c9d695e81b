package org.sealmail.mailstore.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.certificates.CertificateDirectory;
import org.sealmail.mailstore.db.JdbcValues;
import org.sealmail.mailstore.db.StoreDatabase;
import org.sealmail.mailstore.secrets.StoreKeyCipher;

/**
 * The user's own private keys with their certificate chains (table {@code own_key}). The private
 * key's PKCS#8 encoding (RFC 5208) is sealed with the profile's store key (AES-256-GCM,
 * {@link StoreKeyCipher}) bound to the certificate's SHA-256 fingerprint, so it never lies on disk
 * in clear and a sealed key cannot be moved to another row. Replaced keys stay (old mail stays
 * readable) unless removed explicitly.
 */
public final class OwnKeyRepository {

    private final StoreDatabase database;
    private final StoreKeyCipher cipher;

    /**
     * @param database the store's database
     * @param cipher the profile's store key
     */
    public OwnKeyRepository(StoreDatabase database, StoreKeyCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    /**
     * Adds a key, or replaces the key stored for the same certificate.
     *
     * @param key the private key and chain
     * @param now when it was added (UTC)
     */
    public void add(CertifiedKey key, Instant now) {
        String fingerprint = CertificateDirectory.fingerprint(key.certificate());
        byte[] encoded = key.privateKey().getEncoded();
        if (encoded == null) {
            throw new StoreException(StoreFailure.REFUSED, "the private key of " + key.alias()
                    + " cannot be exported (hardware token?) and so cannot be kept in the store");
        }
        byte[] sealed;
        try {
            sealed = cipher.seal(encoded, associatedData(fingerprint));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        database.write("saving own key " + key.alias(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO own_key (alias, sha256_fingerprint,"
                    + " key_algorithm, sealed_private_key, chain_pem, not_before, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (sha256_fingerprint) DO UPDATE SET alias = excluded.alias,"
                    + " key_algorithm = excluded.key_algorithm, sealed_private_key = excluded.sealed_private_key,"
                    + " chain_pem = excluded.chain_pem")) {
                insert.setString(1, key.alias());
                insert.setString(2, fingerprint);
                insert.setString(3, key.privateKey().getAlgorithm());
                insert.setBytes(4, sealed);
                insert.setString(5, CertificateFiles.toPem(key.chain()));
                JdbcValues.setInstant(insert, 6, key.certificate().getNotBefore().toInstant());
                JdbcValues.setInstant(insert, 7, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @return every own key, the newest certificate (by notBefore) first
     * @throws StoreException SECRETS if a key does not decrypt with this profile's store key
     */
    public List<CertifiedKey> list() {
        return database.read("reading own keys", connection -> {
            List<CertifiedKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT alias, sha256_fingerprint, key_algorithm,"
                    + " sealed_private_key, chain_pem FROM own_key ORDER BY not_before DESC, id DESC");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String fingerprint = row.getString(2);
                    byte[] pkcs8 = cipher.open(row.getBytes(4), associatedData(fingerprint));
                    try {
                        List<X509Certificate> chain = CertificateFiles.parse(row.getString(5).getBytes(StandardCharsets.US_ASCII));
                        keys.add(new CertifiedKey(row.getString(1), privateKey(row.getString(3), pkcs8, row.getString(1)), chain));
                    } finally {
                        Arrays.fill(pkcs8, (byte) 0);
                    }
                }
            }
            return keys;
        });
    }

    /**
     * Removes every key whose certificate is not among the given ones (when old keys are not kept).
     *
     * @param keep the certificates whose keys stay
     * @return how many keys were removed
     */
    public int retainOnly(List<X509Certificate> keep) {
        List<String> fingerprints = keep.stream().map(CertificateDirectory::fingerprint).toList();
        return database.write("removing replaced own keys", connection -> {
            int removed = 0;
            List<String> stored = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT sha256_fingerprint FROM own_key");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.add(row.getString(1));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM own_key WHERE sha256_fingerprint = ?")) {
                for (String fingerprint : stored) {
                    if (!fingerprints.contains(fingerprint)) {
                        delete.setString(1, fingerprint);
                        removed += delete.executeUpdate();
                    }
                }
            }
            return removed;
        });
    }

    private static PrivateKey privateKey(String algorithm, byte[] pkcs8, String alias) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreFailure.CORRUPT, "own key " + alias + " (" + algorithm
                    + ") is not a readable PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(String fingerprint) {
        return ("own-key\0" + fingerprint).getBytes(StandardCharsets.UTF_8);
    }
}
