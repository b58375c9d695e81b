package org.sealmail.rights.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service's own key pairs are: a PKCS#12 file or a PKCS#11 token (HSM) through the
 * SunPKCS11 provider.
 *
 * @param type {@code PKCS12} or {@code PKCS11}
 * @param file the PKCS#12 file (PKCS12)
 * @param pkcs11Config the SunPKCS11 configuration file (PKCS11)
 * @param password the PKCS#12 password or the token PIN
 * @param currentAlias the alias of the current key; empty if the store holds exactly one key
 */
public record KeyStoreSettings(String type, Optional<Path> file, Optional<Path> pkcs11Config, char[] password,
        Optional<String> currentAlias) {

    static KeyStoreSettings read(ConfigFile config) {
        String type = config.string("keys.type", "PKCS12").toUpperCase(java.util.Locale.ROOT);
        char[] password = config.secret("keys.password").orElseThrow(() -> new ConfigException(
                config.where("keys.password-file") + " or 'keys.password-env' is required"));
        return switch (type) {
            case "PKCS12" -> new KeyStoreSettings(type, Optional.of(config.path("keys.file").orElseThrow(
                    () -> new ConfigException(config.where("keys.file") + " is required with keys.type = PKCS12"))),
                    Optional.empty(), password, config.optional("keys.current"));
            case "PKCS11" -> new KeyStoreSettings(type, Optional.empty(), Optional.of(config.path("keys.pkcs11-config")
                    .orElseThrow(() -> new ConfigException(config.where("keys.pkcs11-config")
                            + " is required with keys.type = PKCS11"))), password, config.optional("keys.current"));
            default -> throw new ConfigException(config.where("keys.type") + " = " + type + ": expected PKCS12 or PKCS11");
        };
    }
}
