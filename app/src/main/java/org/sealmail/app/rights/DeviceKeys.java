package org.sealmail.app.rights;

import java.util.Arrays;
import java.util.Optional;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.mailstore.secrets.SecretStore;

/**
 * The profile's device key for online licensing: made once (EC P-256) and kept in the profile's secret
 * store (the OS keyring, or the password file encrypted under the master password), never in the database
 * or a plain file.
 */
public final class DeviceKeys {

    /** The secret's name in the secret store. */
    public static final String SECRET_NAME = "rights/device-key";

    private DeviceKeys() {
    }

    /**
     * @param secrets the profile's secret store
     * @return the profile's device key, made and stored now if it has none
     * @throws org.sealmail.crypto.CryptoException KEY_STORE if the stored key is unreadable
     */
    public static DeviceKey loadOrCreate(SecretStore secrets) {
        Optional<char[]> stored = secrets.read(SECRET_NAME);
        if (stored.isPresent()) {
            try {
                return DeviceKey.decode(new String(stored.get()));
            } finally {
                Arrays.fill(stored.get(), '\0');
            }
        }
        DeviceKey created = DeviceKey.generate();
        char[] encoded = created.encoded().toCharArray();
        try {
            secrets.write(SECRET_NAME, encoded);
        } finally {
            Arrays.fill(encoded, '\0');
        }
        return created;
    }
}
