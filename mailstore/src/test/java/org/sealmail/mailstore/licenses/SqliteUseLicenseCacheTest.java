package org.sealmail.mailstore.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.rights.CachedUseLicense;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;

class SqliteUseLicenseCacheTest {

    private static final byte[] JWS = "eyJhbGciOiJFUzI1NiJ9.eyJsaWNlbnNlZSI6ImJvYkBleGFtcGxlLnRlc3QifQ.c2lnbmF0dXJl"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path profile;

    private SqliteMailStore store;
    private SqliteUseLicenseCache cache;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        cache = store.useLicenseCache(PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findsByContentIdAndLicenseeIgnoringCase() {
        cache.put(new CachedUseLicense("cid-1", "Bob@Example.Test", Instant.parse("2026-12-31T00:00:00Z"), JWS));
        CachedUseLicense found = cache.find("cid-1", "BOB@example.test").orElseThrow();
        assertThat(found.encoded()).isEqualTo(JWS);
        assertThat(found.licensee()).isEqualTo("bob@example.test");
        assertThat(found.notAfter()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(cache.find("cid-1", "carol@example.test")).isEmpty();
        assertThat(cache.find("cid-2", "bob@example.test")).isEmpty();
    }

    @Test
    void putReplacesTheLicenseOfTheSameContentAndLicensee() {
        cache.put(new CachedUseLicense("cid-1", "bob@example.test", Instant.parse("2026-01-01T00:00:00Z"), JWS));
        cache.put(new CachedUseLicense("cid-1", "bob@example.test", Instant.parse("2027-01-01T00:00:00Z"), "new".getBytes()));
        assertThat(cache.find("cid-1", "bob@example.test").orElseThrow().encoded()).isEqualTo("new".getBytes());
    }

    @Test
    void removesOnlyExpiredLicenses() {
        cache.put(new CachedUseLicense("old", "bob@example.test", Instant.parse("2026-01-01T00:00:00Z"), JWS));
        cache.put(new CachedUseLicense("new", "bob@example.test", Instant.parse("2026-06-01T00:00:00Z"), JWS));
        assertThat(cache.removeExpired(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(1);
        assertThat(cache.find("old", "bob@example.test")).isEmpty();
        assertThat(cache.find("new", "bob@example.test")).isPresent();
    }

    @Test
    void licensesAreEncryptedAtRest() throws Exception {
        cache.put(new CachedUseLicense("cid-1", "bob@example.test", Instant.parse("2026-12-31T00:00:00Z"), JWS));
        byte[] sealed = store.database().read("raw", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT sealed FROM use_license")) {
                row.next();
                return row.getBytes(1);
            }
        });
        // nonce (12) + ciphertext (as long as the JWS) + GCM tag (16); not the JWS itself
        assertThat(sealed).hasSize(12 + JWS.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("eyJhbGciOiJFUzI1NiJ9");
        store.close();
        for (String name : new String[] {SqliteMailStore.FILE_NAME, SqliteMailStore.FILE_NAME + "-wal"}) {
            Path file = profile.resolve(name);
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("eyJhbGciOiJFUzI1NiJ9");
            }
        }
        store = SqliteMailStore.open(profile);
    }

    @Test
    void aLicenseMovedToAnotherRowDoesNotDecrypt() {
        cache.put(new CachedUseLicense("cid-1", "bob@example.test", Instant.parse("2026-12-31T00:00:00Z"), JWS));
        store.database().write("tamper", connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE use_license SET licensee = 'mallory@example.test'");
            }
        });
        assertThatThrownBy(() -> cache.find("cid-1", "mallory@example.test"))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.SECRETS));
    }

    @Test
    void anotherProfilesStoreKeyCannotReadTheLicenses() {
        cache.put(new CachedUseLicense("cid-1", "bob@example.test", Instant.parse("2026-12-31T00:00:00Z"), JWS));
        SqliteUseLicenseCache stranger = store.useLicenseCache(
                PasswordFileSecretStore.open(profile.resolve("other-secrets.sealed"), "other".toCharArray()));
        assertThatThrownBy(() -> stranger.find("cid-1", "bob@example.test")).isInstanceOf(StoreException.class);
    }
}
