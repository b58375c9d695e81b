package org.sealmail.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.settings.OwnKey;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.keys.OwnKeyRepository;
import org.sealmail.mailstore.keys.ProfileSettings;
import org.sealmail.mailstore.keys.TrustAnchorRepository;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.StoreKeyCipher;

/** Own keys and trust anchors kept in the profile's store, surviving a restart of the client. */
class StoreKeyRingTest {

    @TempDir
    Path profile;

    private final TestPki pki = TestPki.get();
    private SqliteMailStore store;
    private PasswordFileSecretStore secrets;

    @BeforeEach
    void open() {
        store = SqliteMailStore.open(profile);
        secrets = PasswordFileSecretStore.open(profile.resolve("secrets.sealed"), "master".toCharArray());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoreKeyRing keyRing() {
        return new StoreKeyRing(new OwnKeyRepository(store.database(), StoreKeyCipher.fromSecrets(secrets)),
                new TrustAnchorRepository(store.database()), new ProfileSettings(store.database()), Clock.systemUTC());
    }

    @Test
    void importedKeysAndAnchorsAreStillThereAfterARestartAndOldKeysAreKept() throws Exception {
        Path alice = profile.resolve("alice.p12");
        Pkcs12KeyStores.write(alice, "p12".toCharArray(), List.of(pki.alice));
        Path bob = profile.resolve("bob.p12");
        Pkcs12KeyStores.write(bob, "p12".toCharArray(), List.of(pki.bob));
        Path root = profile.resolve("root.pem");
        CertificateFiles.writePem(root, List.of(pki.root.issuer().certificate()));
        keyRing().importPkcs12(alice, "p12".toCharArray());
        keyRing().importPkcs12(bob, "p12".toCharArray());
        keyRing().importTrustAnchors(root);
        store.close();
        store = SqliteMailStore.open(profile);

        StoreKeyRing reopened = keyRing();

        assertThat(reopened.keepsOldKeys()).isTrue();
        assertThat(reopened.privateKeys()).extracting(k -> k.certificate())
                .containsExactlyInAnyOrder(pki.alice.certificate(), pki.bob.certificate());
        assertThat(reopened.ownKeys()).filteredOn(OwnKey::current).hasSize(1);
        assertThat(reopened.anchorCertificates()).containsExactly(pki.root.issuer().certificate());
        assertThat(reopened.trustAnchors()).hasSize(1);
    }

    @Test
    void withoutKeepingOldKeysAnImportReplacesThem() {
        StoreKeyRing keys = keyRing();
        keys.addKeys(List.of(pki.alice));
        keys.setKeepOldKeys(false);

        keys.addKeys(List.of(pki.bob));

        assertThat(keyRing().keepsOldKeys()).isFalse();
        assertThat(keyRing().privateKeys()).extracting(k -> k.certificate()).containsExactly(pki.bob.certificate());
    }

    @Test
    void aWrongPkcs12PasswordIsAKeyStoreErrorAndChangesNothing() throws Exception {
        Path alice = profile.resolve("alice.p12");
        Pkcs12KeyStores.write(alice, "p12".toCharArray(), List.of(pki.alice));

        assertThatThrownBy(() -> keyRing().importPkcs12(alice, "wrong".toCharArray()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoFailure.KEY_STORE));
        assertThat(keyRing().privateKeys()).isEmpty();
        assertThat(Files.exists(alice)).isTrue();
    }
}
