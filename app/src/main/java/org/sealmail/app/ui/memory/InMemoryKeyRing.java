package org.sealmail.app.ui.memory;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sealmail.app.ui.opening.KeyMaterial;
import org.sealmail.app.ui.settings.CertificateDetails;
import org.sealmail.app.ui.settings.KeyRing;
import org.sealmail.app.ui.settings.OwnKey;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;

/**
 * The in-memory twin of the store-backed {@link KeyRing}: parses PKCS#12 and certificate files
 * for real (crypto module) and holds the results in memory. Thread-safe.
 */
public final class InMemoryKeyRing implements KeyRing, KeyMaterial {

    private final List<CertifiedKey> keys = new ArrayList<>();
    private final List<X509Certificate> anchors = new ArrayList<>();
    private boolean keepOldKeys = true;

    @Override
    public synchronized List<OwnKey> ownKeys() {
        List<CertifiedKey> newestFirst = new ArrayList<>(keys);
        newestFirst.sort(Comparator.comparing((CertifiedKey k) -> k.certificate().getNotBefore()).reversed());
        List<OwnKey> result = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            CertifiedKey key = newestFirst.get(i);
            result.add(new OwnKey(key.alias(), CertificateDetails.of(key.certificate()), i == 0));
        }
        return result;
    }

    @Override
    public synchronized List<OwnKey> importPkcs12(Path file, char[] password) {
        List<CertifiedKey> read = Pkcs12KeyStores.read(file, password);
        if (!keepOldKeys) {
            keys.clear();
        }
        keys.addAll(read);
        List<String> aliases = read.stream().map(CertifiedKey::alias).toList();
        return ownKeys().stream().filter(k -> aliases.contains(k.alias())).toList();
    }

    @Override
    public synchronized List<CertificateDetails> trustAnchors() {
        return anchors.stream().map(CertificateDetails::of).toList();
    }

    @Override
    public synchronized List<CertificateDetails> importTrustAnchors(Path file) {
        List<X509Certificate> read = CertificateFiles.read(file);
        anchors.addAll(read);
        return read.stream().map(CertificateDetails::of).toList();
    }

    /**
     * @param key a key to add (as if imported)
     */
    public synchronized void addKey(CertifiedKey key) {
        keys.add(key);
    }

    /**
     * @param anchor a trust anchor to add (as if imported)
     */
    public synchronized void addAnchor(X509Certificate anchor) {
        anchors.add(anchor);
    }

    @Override
    public synchronized List<CertifiedKey> privateKeys() {
        List<CertifiedKey> newestFirst = new ArrayList<>(keys);
        newestFirst.sort(Comparator.comparing((CertifiedKey k) -> k.certificate().getNotBefore()).reversed());
        return newestFirst;
    }

    @Override
    public synchronized List<X509Certificate> anchorCertificates() {
        return List.copyOf(anchors);
    }

    @Override
    public synchronized boolean keepsOldKeys() {
        return keepOldKeys;
    }

    @Override
    public synchronized void setKeepOldKeys(boolean keep) {
        this.keepOldKeys = keep;
    }
}
