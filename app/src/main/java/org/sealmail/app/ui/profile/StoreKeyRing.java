package org.sealmail.app.ui.profile;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sealmail.app.ui.opening.KeyMaterial;
import org.sealmail.app.ui.settings.CertificateDetails;
import org.sealmail.app.ui.settings.KeyRing;
import org.sealmail.app.ui.settings.OwnKey;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.mailstore.keys.OwnKeyRepository;
import org.sealmail.mailstore.keys.ProfileSettings;
import org.sealmail.mailstore.keys.TrustAnchorRepository;

/**
 * The {@link KeyRing} of a profile, kept in its store: own private keys sealed with the store key
 * ({@link OwnKeyRepository}), trust anchors ({@link TrustAnchorRepository}) and the "keep old keys"
 * setting. Database and key-derivation work: call in the background.
 */
public final class StoreKeyRing implements KeyRing, KeyMaterial {

    private final OwnKeyRepository keys;
    private final TrustAnchorRepository anchors;
    private final ProfileSettings settings;
    private final Clock clock;

    /**
     * @param keys the own keys
     * @param anchors the trust anchors
     * @param settings where "keep old keys" is kept
     * @param clock when keys and anchors were added
     */
    public StoreKeyRing(OwnKeyRepository keys, TrustAnchorRepository anchors, ProfileSettings settings, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<OwnKey> ownKeys() {
        List<CertifiedKey> newestFirst = keys.list();
        List<OwnKey> result = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            CertifiedKey key = newestFirst.get(i);
            result.add(new OwnKey(key.alias(), CertificateDetails.of(key.certificate()), i == 0));
        }
        return result;
    }

    /**
     * Imports every key of the file and keeps it in the store; without "keep old keys", keys of
     * other certificates are removed.
     *
     * @throws org.sealmail.crypto.CryptoException KEY_STORE when the file cannot be opened
     */
    @Override
    public List<OwnKey> importPkcs12(Path file, char[] password) {
        List<CertifiedKey> read = Pkcs12KeyStores.read(file, password);
        return addKeys(read);
    }

    /**
     * Adds keys already read (e.g. made by the demo or the key generator).
     *
     * @param read the keys
     * @return the added keys as listed
     */
    public synchronized List<OwnKey> addKeys(List<CertifiedKey> read) {
        for (CertifiedKey key : read) {
            keys.add(key, clock.instant());
        }
        if (!keepsOldKeys()) {
            keys.retainOnly(read.stream().map(CertifiedKey::certificate).toList());
        }
        List<String> aliases = read.stream().map(CertifiedKey::alias).toList();
        return ownKeys().stream().filter(k -> aliases.contains(k.alias())).toList();
    }

    @Override
    public List<CertificateDetails> trustAnchors() {
        return anchors.list().stream().map(CertificateDetails::of).toList();
    }

    @Override
    public List<CertificateDetails> importTrustAnchors(Path file) {
        List<X509Certificate> read = CertificateFiles.read(file);
        read.forEach(this::addAnchor);
        return read.stream().map(CertificateDetails::of).toList();
    }

    /**
     * @param anchor a CA certificate to trust
     */
    public void addAnchor(X509Certificate anchor) {
        anchors.add(anchor, clock.instant());
    }

    @Override
    public boolean keepsOldKeys() {
        return settings.get(ProfileSettings.KEEP_OLD_KEYS).map(Boolean::parseBoolean).orElse(true);
    }

    @Override
    public void setKeepOldKeys(boolean keep) {
        settings.set(ProfileSettings.KEEP_OLD_KEYS, String.valueOf(keep));
    }

    @Override
    public List<CertifiedKey> privateKeys() {
        return keys.list();
    }

    @Override
    public List<X509Certificate> anchorCertificates() {
        return anchors.list();
    }
}
