package org.sealmail.app.ui.opening;

import java.security.cert.X509Certificate;
import java.util.List;
import org.sealmail.crypto.keys.CertifiedKey;

/** The keys and trust anchors the reader opens and verifies messages with. */
public interface KeyMaterial {

    /** @return own private keys with certificates, current first, old ones kept for old mail */
    List<CertifiedKey> privateKeys();

    /** @return the trust anchors for S/MIME signatures and protected-message issuers */
    List<X509Certificate> anchorCertificates();
}
