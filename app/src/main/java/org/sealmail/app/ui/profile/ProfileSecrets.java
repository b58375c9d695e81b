package org.sealmail.app.ui.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.mailstore.secrets.KeyringSecretStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * Where the desktop client finds a profile's {@link SecretStore}: the OS keyring when one answers,
 * otherwise the profile's password file, unlocked with the master password the user types (or
 * the {@value #MASTER_ENV} environment variable, as on the command line). Key derivation and
 * keyring calls block: call in the background.
 */
public final class ProfileSecrets {

    /** The environment variable that may hold the master password (shared with the command line). */
    public static final String MASTER_ENV = "SEALMAIL_MASTER_PASSWORD";

    private final Path profile;
    private final String presetMasterPassword;

    /**
     * @param profile the profile directory
     */
    public ProfileSecrets(Path profile) {
        this(profile, null);
    }

    private ProfileSecrets(Path profile, String presetMasterPassword) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.presetMasterPassword = presetMasterPassword;
    }

    /**
     * The secrets of a profile whose master password the program knows itself (the built-in demo's
     * throw-away profiles): never asks, never touches the OS keyring.
     *
     * @param profile the profile directory
     * @param masterPassword the password of its password file
     * @return the profile's secrets
     */
    public static ProfileSecrets preset(Path profile, String masterPassword) {
        return new ProfileSecrets(profile, Objects.requireNonNull(masterPassword, "masterPassword"));
    }

    /**
     * @return the secret store when no password must be asked: the OS keyring, or the password
     *         file opened with the master password from the environment
     * @throws org.sealmail.mailstore.StoreException SECRETS when the environment's master password is wrong
     */
    public Optional<SecretStore> withoutAsking() {
        if (presetMasterPassword != null) {
            return Optional.of(unlock(presetMasterPassword.toCharArray()));
        }
        Optional<KeyringSecretStore> keyring = KeyringSecretStore.probe(profile);
        if (keyring.isPresent()) {
            return Optional.of(keyring.get());
        }
        String master = System.getenv(MASTER_ENV);
        return master == null || master.isEmpty() ? Optional.empty() : Optional.of(unlock(master.toCharArray()));
    }

    /** @return whether the password file exists (else the typed master password creates it) */
    public boolean passwordFileExists() {
        return Files.exists(passwordFile());
    }

    /**
     * Opens the password file with a master password; a new file is written on the first secret.
     * An existing file is tried at once, so a wrong password fails here and not later.
     *
     * @param masterPassword the typed password (not retained; the caller clears it)
     * @return the secret store
     * @throws org.sealmail.mailstore.StoreException SECRETS when the password does not open the file
     */
    public SecretStore unlock(char[] masterPassword) {
        return PasswordFileSecretStore.open(passwordFile(), masterPassword);
    }

    private Path passwordFile() {
        return profile.resolve(PasswordFileSecretStore.FILE_NAME);
    }
}
