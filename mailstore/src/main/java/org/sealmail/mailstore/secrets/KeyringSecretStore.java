package org.sealmail.mailstore.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.nio.file.Path;
import java.util.Optional;
import org.sealmail.mailstore.StoreException;
import org.sealmail.mailstore.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the operating system's keyring through java-keyring: the Windows Credential Store,
 * the macOS Keychain, or the freedesktop Secret Service (GNOME Keyring, KWallet) on Linux. Entries
 * are filed under the service {@value #SERVICE} and the account "PROFILE-DIR/NAME", so that two
 * profiles never share a secret.
 */
public final class KeyringSecretStore implements SecretStore {

    /** The keyring service name of every Sealmail entry. */
    public static final String SERVICE = "Sealmail";

    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final Keyring keyring;
    private final String profileTag;

    private KeyringSecretStore(Keyring keyring, Path profileDirectory) {
        this.keyring = keyring;
        this.profileTag = profileDirectory.toAbsolutePath().normalize().toString();
    }

    /**
     * @param profileDirectory the profile the secrets belong to
     * @return the keyring, if this machine has one that answers
     */
    public static Optional<KeyringSecretStore> probe(Path profileDirectory) {
        try {
            Keyring keyring = Keyring.create();
            return Optional.of(new KeyringSecretStore(keyring, profileDirectory));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.debug("no OS keyring here ({}); secrets go to the password file", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<char[]> read(String name) {
        try {
            String value = keyring.getPassword(SERVICE, account(name));
            return Optional.ofNullable(value).map(String::toCharArray);
        } catch (PasswordAccessException e) {
            LOG.debug("keyring has no entry {}: {}", account(name), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, char[] secret) {
        try {
            keyring.setPassword(SERVICE, account(name), new String(secret));
        } catch (PasswordAccessException e) {
            throw new StoreException(StoreFailure.SECRETS, "cannot store " + name + " in " + description() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            keyring.deletePassword(SERVICE, account(name));
        } catch (PasswordAccessException e) {
            LOG.debug("keyring entry {} not deleted: {}", account(name), e.getMessage());
        }
    }

    @Override
    public String description() {
        return "the OS keyring (" + keyring.getKeyringStorageType() + ")";
    }

    private String account(String name) {
        return profileTag + "/" + name;
    }
}
