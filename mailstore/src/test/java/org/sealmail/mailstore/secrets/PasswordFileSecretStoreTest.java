package org.sealmail.mailstore.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;

class PasswordFileSecretStoreTest {

    @TempDir
    Path profile;

    @Test
    void secretsSurviveReopeningWithTheMasterPassword() {
        Path file = profile.resolve(PasswordFileSecretStore.FILE_NAME);
        PasswordFileSecretStore store = PasswordFileSecretStore.open(file, "correct horse".toCharArray());
        store.write("account/1/imap", "hunter2-ÄÖ".toCharArray());
        store.write("account/1/smtp", "other".toCharArray());
        store.delete("account/1/smtp");

        PasswordFileSecretStore again = PasswordFileSecretStore.open(file, "correct horse".toCharArray());
        assertThat(again.read("account/1/imap")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("hunter2-ÄÖ"));
        assertThat(again.read("account/1/smtp")).isEmpty();
    }

    @Test
    void aWrongMasterPasswordIsRefusedClearly() {
        Path file = profile.resolve(PasswordFileSecretStore.FILE_NAME);
        PasswordFileSecretStore.open(file, "right".toCharArray()).write("k", "v".toCharArray());
        assertThatThrownBy(() -> PasswordFileSecretStore.open(file, "wrong".toCharArray()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.SECRETS))
                .hasMessageContaining("master password does not open");
    }

    @Test
    void theFileIsAesGcmUnderPbkdf2AsDocumentedAndHoldsNoPlaintext() throws Exception {
        Path file = profile.resolve(PasswordFileSecretStore.FILE_NAME);
        PasswordFileSecretStore.open(file, "pw".toCharArray()).write("name", "plain-secret-value".toCharArray());
        byte[] content = Files.readAllBytes(file);
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("plain-secret-value").startsWith("SEALMAIL-SECRETS");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        // decrypt independently with the JDK, following the layout in the class documentation
        int iterations = java.nio.ByteBuffer.wrap(content, 17, 4).getInt();
        byte[] salt = Arrays.copyOfRange(content, 21, 37);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("pw".toCharArray(), salt, iterations, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, content, 37, 12));
        cipher.updateAAD(content, 0, 37);
        byte[] plain = cipher.doFinal(content, 49, content.length - 49);
        assertThat(iterations).isEqualTo(600_000);
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains("name").contains("plain-secret-value");
    }

    @Test
    void anAlteredFileIsRefused() throws Exception {
        Path file = profile.resolve(PasswordFileSecretStore.FILE_NAME);
        PasswordFileSecretStore.open(file, "pw".toCharArray()).write("k", "v".toCharArray());
        byte[] content = Files.readAllBytes(file);
        content[content.length - 20] ^= 1;
        Files.write(file, content);
        assertThatThrownBy(() -> PasswordFileSecretStore.open(file, "pw".toCharArray()))
                .isInstanceOf(StoreException.class).hasMessageContaining("altered");
    }

    @Test
    void anAlteredIterationCountIsRefusedBeforeAnyKeyDerivation() throws Exception {
        // the count (bytes 17-20) is authenticated only once the key is derived from it: 0 or a negative
        // count made PBKDF2 throw IllegalArgumentException, Integer.MAX_VALUE made opening run for hours
        Path file = profile.resolve(PasswordFileSecretStore.FILE_NAME);
        PasswordFileSecretStore.open(file, "pw".toCharArray()).write("k", "v".toCharArray());
        byte[] original = Files.readAllBytes(file);
        for (int iterations : new int[] {0, -1, 99_999, 600_000 ^ 0x4000_0000, Integer.MAX_VALUE}) {
            byte[] altered = original.clone();
            java.nio.ByteBuffer.wrap(altered, 17, 4).putInt(iterations);
            Files.write(file, altered);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1), () ->
                    assertThatThrownBy(() -> PasswordFileSecretStore.open(file, "pw".toCharArray()))
                            .isInstanceOf(StoreException.class)
                            .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.SECRETS))
                            .hasMessageContaining("PBKDF2 iteration count " + iterations)
                            .hasMessageContaining("altered"));
        }
    }

    @Test
    void withoutAnOsKeyringTheProfileUsesThePasswordFile() {
        org.junit.jupiter.api.Assumptions.assumeTrue(KeyringSecretStore.probe(profile).isEmpty(), "this machine has an OS keyring");
        SecretStore secrets = SecretStore.forProfile(profile, () -> "master".toCharArray());
        secrets.write("x", "y".toCharArray());
        assertThat(secrets).isInstanceOf(PasswordFileSecretStore.class);
        assertThat(profile.resolve(PasswordFileSecretStore.FILE_NAME)).exists();
    }

    @Test
    void theStoreKeyIsMadeOnceAndSealsWithAssociatedData() {
        PasswordFileSecretStore secrets = PasswordFileSecretStore.open(profile.resolve("s"), "pw".toCharArray());
        StoreKeyCipher first = StoreKeyCipher.fromSecrets(secrets);
        StoreKeyCipher second = StoreKeyCipher.fromSecrets(PasswordFileSecretStore.open(profile.resolve("s"), "pw".toCharArray()));
        byte[] sealed = first.seal("license".getBytes(StandardCharsets.UTF_8), "row-1".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed).hasSize(12 + 7 + 16);
        assertThat(second.open(sealed, "row-1".getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo("license");
        assertThatThrownBy(() -> second.open(sealed, "row-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).failure()).isEqualTo(StoreFailure.SECRETS));
    }
}
