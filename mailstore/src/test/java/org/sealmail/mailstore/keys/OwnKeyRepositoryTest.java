package org.sealmail.mailstore.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.StoreKeyCipher;

class OwnKeyRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path profile;

    private final TestPki pki = TestPki.get();
    private SqliteMailStore store;
    private OwnKeyRepository keys;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        keys = new OwnKeyRepository(store.database(), StoreKeyCipher.fromSecrets(
                PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aKeyComesBackWithTheSamePrivateKeyAndChain() {
        keys.add(pki.alice, NOW);

        List<CertifiedKey> listed = keys.list();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).alias()).isEqualTo(pki.alice.alias());
        assertThat(listed.get(0).privateKey().getEncoded()).isEqualTo(pki.alice.privateKey().getEncoded());
        assertThat(listed.get(0).chain()).isEqualTo(pki.alice.chain());
    }

    @Test
    void thePrivateKeyIsNotStoredInClear() {
        keys.add(pki.alice, NOW);
        byte[] pkcs8 = pki.alice.privateKey().getEncoded();

        byte[] column = store.database().read("reading the sealed key", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sealed_private_key FROM own_key");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        });

        // 12-byte GCM nonce + ciphertext of the same length + 16-byte tag (NIST SP 800-38D)
        assertThat(column).hasSize(12 + pkcs8.length + 16);
        assertThat(indexOf(column, java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length))).isEqualTo(-1);
    }

    @Test
    void anotherStoreKeyCannotReadTheKeysAndSaysSo() {
        keys.add(pki.alice, NOW);
        OwnKeyRepository other = new OwnKeyRepository(store.database(), StoreKeyCipher.fromSecrets(
                PasswordFileSecretStore.open(profile.resolve("other.sealed"), "other".toCharArray())));

        assertThatThrownBy(other::list).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.SECRETS));
    }

    @Test
    void addingTheSameCertificateAgainReplacesItAndRetainOnlyDropsTheOthers() {
        keys.add(pki.alice, NOW);
        keys.add(pki.bob, NOW);
        keys.add(pki.alice, NOW.plusSeconds(60));
        assertThat(keys.list()).hasSize(2);

        assertThat(keys.retainOnly(List.of(pki.bob.certificate()))).isEqualTo(1);

        assertThat(keys.list()).extracting(CertifiedKey::certificate).containsExactly(pki.bob.certificate());
    }

    @Test
    void trustAnchorsAreKeptOnceEach() {
        TrustAnchorRepository anchors = new TrustAnchorRepository(store.database());
        anchors.add(pki.root.issuer().certificate(), NOW);
        anchors.add(pki.root.issuer().certificate(), NOW.plusSeconds(1));

        assertThat(anchors.list()).containsExactly(pki.root.issuer().certificate());
    }

    @Test
    void settingsAreAbsentUntilSetAndThenReplaced() {
        ProfileSettings settings = new ProfileSettings(store.database());
        assertThat(settings.get(ProfileSettings.KEEP_OLD_KEYS)).isEmpty();

        settings.set(ProfileSettings.KEEP_OLD_KEYS, "false");
        settings.set(ProfileSettings.KEEP_OLD_KEYS, "true");

        assertThat(settings.get(ProfileSettings.KEEP_OLD_KEYS)).contains("true");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
