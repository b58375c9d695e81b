package org.sealmail.rights.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sealmail.rights.config.ConfigException;
import org.sealmail.rights.config.KeyStoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the service's {@link ServerKeyRing} from a PKCS#12 file or a PKCS#11 token (SunPKCS11,
 * e.g. SoftHSM2 or a hardware HSM). Every private-key entry becomes a key of the ring; the
 * current one is {@code keys.current}, or the only entry.
 */
public final class ServerKeyStores {

    private static final Logger LOG = LoggerFactory.getLogger(ServerKeyStores.class);

    private ServerKeyStores() {
    }

    /**
     * @param settings where the keys are
     * @return the key ring
     * @throws ConfigException if the store cannot be opened, holds no key, or the current alias is unknown or ambiguous
     */
    public static ServerKeyRing load(KeyStoreSettings settings) {
        KeyStore store = open(settings);
        List<ServerKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) store.getKey(alias, settings.password());
                Certificate[] chain = store.getCertificateChain(alias);
                if (key == null || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                keys.add(ServerKey.of(alias, key, certificates));
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot read the keys of " + describe(settings) + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new ConfigException(describe(settings) + " holds no private key with a certificate");
        }
        ServerKey current;
        if (settings.currentAlias().isPresent()) {
            String alias = settings.currentAlias().get();
            current = keys.stream().filter(key -> key.alias().equals(alias)).findFirst().orElseThrow(() ->
                    new ConfigException("keys.current = " + alias + ": " + describe(settings) + " has no key with that alias"));
        } else if (keys.size() == 1) {
            current = keys.get(0);
        } else {
            throw new ConfigException(describe(settings) + " holds " + keys.size()
                    + " keys: set keys.current to the alias of the current one");
        }
        LOG.info("loaded {} server key(s) from {}; current key {} (alias {})", keys.size(), describe(settings),
                current.kid(), current.alias());
        return new ServerKeyRing(current, keys);
    }

    private static KeyStore open(KeyStoreSettings settings) {
        try {
            if (settings.type().equals("PKCS11")) {
                Provider base = Security.getProvider("SunPKCS11");
                if (base == null) {
                    throw new ConfigException("this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
                }
                Provider provider = base.configure(settings.pkcs11Config().orElseThrow().toString());
                if (Security.getProvider(provider.getName()) == null) {
                    // registered last: the JCA then picks it for operations on the token's keys only
                    Security.addProvider(provider);
                }
                KeyStore store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, settings.password());
                return store;
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(settings.file().orElseThrow())) {
                store.load(in, settings.password());
            }
            return store;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof ConfigException config) {
                throw config;
            }
            throw new ConfigException("cannot open " + describe(settings) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(KeyStoreSettings settings) {
        return settings.type().equals("PKCS11") ? "PKCS#11 token configured in " + settings.pkcs11Config().orElseThrow()
                : "PKCS#12 file " + settings.file().orElseThrow();
    }
}
