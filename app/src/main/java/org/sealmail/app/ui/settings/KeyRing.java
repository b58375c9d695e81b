package org.sealmail.app.ui.settings;

import java.nio.file.Path;
import java.util.List;

/**
 * The user's own keys and trust anchors. Reads files and decrypts PKCS#12: call in the background.
 */
public interface KeyRing {

    /** @return own keys, current first */
    List<OwnKey> ownKeys();

    /**
     * Imports every key of a PKCS#12 file (RFC 7292); the newest becomes current, older ones are
     * kept for decrypting old mail.
     *
     * @param file the .p12 / .pfx file
     * @param password its password (the caller clears the array afterwards)
     * @return the imported keys
     * @throws org.sealmail.crypto.CryptoException KEY_STORE when the file cannot be opened (wrong password, corrupt)
     */
    List<OwnKey> importPkcs12(Path file, char[] password);

    /** @return the trust anchors S/MIME signatures are validated against */
    List<CertificateDetails> trustAnchors();

    /**
     * @param file a PEM or DER certificate file
     * @return the imported anchors
     * @throws org.sealmail.crypto.CryptoException CERTIFICATE when the file holds no readable certificate
     */
    List<CertificateDetails> importTrustAnchors(Path file);

    /** @return whether replaced keys are kept (to decrypt mail encrypted to them) */
    boolean keepsOldKeys();

    /**
     * @param keep whether replaced keys are kept
     */
    void setKeepOldKeys(boolean keep);
}
