package org.sealmail.crypto.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.FileErrors;

/**
 * Reads and writes PKCS#12 (.p12/.pfx, RFC 7292) key stores. A store may hold several keys,
 * for example the current key and older ones kept after a certificate renewal.
 */
public final class Pkcs12KeyStores {

    private Pkcs12KeyStores() {
    }

    /**
     * Reads every private key entry of a PKCS#12 file.
     *
     * @param file the .p12/.pfx file
     * @param password its password (also used for the keys)
     * @return the keys with their chains, in alias order; never empty
     * @throws CryptoException {@link CryptoFailure#KEY_STORE} for a wrong password, a corrupt file or a
     *     store without any private key; {@link CryptoFailure#IO} if the file cannot be read
     */
    public static List<CertifiedKey> read(Path file, char[] password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12", CryptoProvider.get());
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "key store not found: " + file, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("wrong password")
                    || String.valueOf(e.getMessage()).contains("mac invalid")) {
                throw new CryptoException(CryptoFailure.KEY_STORE, "wrong password for key store " + file, e);
            }
            throw new CryptoException(CryptoFailure.KEY_STORE,
                    "cannot read key store " + file + " (not a PKCS#12 file, or wrong password): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "cannot read key store " + file + ": " + e.getMessage(), e);
        }
        try {
            List<CertifiedKey> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    certificates.add((X509Certificate) certificate);
                }
                keys.add(new CertifiedKey(alias, privateKey, certificates));
            }
            if (keys.isEmpty()) {
                throw new CryptoException(CryptoFailure.KEY_STORE, "key store " + file + " holds no private key with a certificate");
            }
            return List.copyOf(keys);
        } catch (UnrecoverableKeyException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "wrong password for a key in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "cannot read a key in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes keys to a new PKCS#12 file (AES-256 / PBKDF2 protected, as OpenSSL 3 writes by default).
     *
     * @param file the target file, replaced if it exists; on POSIX file systems it is readable
     *     and writable by its owner only (mode 600), as for OpenSSH private keys
     * @param password the password protecting the file and its keys
     * @param keys one or more keys with their chains
     * @throws CryptoException {@link CryptoFailure#IO} if the file cannot be written
     */
    public static void write(Path file, char[] password, List<CertifiedKey> keys) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (CertifiedKey key : keys) {
                store.setKeyEntry(key.alias(), key.privateKey(), password, key.chain().toArray(new Certificate[0]));
            }
            try (OutputStream out = openOwnerOnly(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write key store " + file + ": "
                    + FileErrors.writeReason(file, e), e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoFailure.KEY_STORE, "cannot build key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the file for writing with owner-only permissions on POSIX file systems: a new file is
     * created with mode 600, an existing one is set to 600 before it is truncated.
     */
    private static OutputStream openOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.newOutputStream(file);
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
