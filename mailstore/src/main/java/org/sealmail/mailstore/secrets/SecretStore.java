package org.sealmail.mailstore.secrets;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where Sealmail keeps secrets that never go into the database: server passwords and the store
 * key ({@link StoreKeyCipher}). Either the operating system's keyring
 * ({@link KeyringSecretStore}) or, where there is none (a headless Linux without a Secret Service),
 * a file in the profile encrypted under a master password ({@link PasswordFileSecretStore}).
 */
public interface SecretStore {

    /**
     * @param name the secret's name, e.g. {@code account/3/imap}
     * @return a copy of the secret, if stored (the caller should wipe it after use)
     */
    Optional<char[]> read(String name);

    /**
     * Stores or replaces a secret.
     *
     * @param name the secret's name
     * @param secret the secret (not retained)
     */
    void write(String name, char[] secret);

    /** Deletes a secret; nothing happens if it is absent. */
    void delete(String name);

    /** @return where the secrets are kept, for messages ("the GNOME keyring", "the password file X") */
    String description();

    /**
     * The secret store of a profile: the OS keyring when one answers, otherwise the profile's
     * password file ({@value PasswordFileSecretStore#FILE_NAME}) opened with the master password.
     *
     * @param profileDirectory the profile directory
     * @param masterPassword asked only when the password file is used
     * @return the secret store
     * @throws org.sealmail.mailstore.StoreException SECRETS if the master password does not open the file
     */
    static SecretStore forProfile(Path profileDirectory, Supplier<char[]> masterPassword) {
        Optional<KeyringSecretStore> keyring = KeyringSecretStore.probe(profileDirectory);
        if (keyring.isPresent()) {
            return keyring.get();
        }
        return PasswordFileSecretStore.open(profileDirectory.resolve(PasswordFileSecretStore.FILE_NAME), masterPassword.get());
    }
}
