package org.sealmail.rights.testing;

import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.testing.TestPki;

/** Key pairs for the rights server and the key service, certified by the shared test root. */
public final class ServerKeys {

    private ServerKeys() {
    }

    /**
     * @param alias the key store alias
     * @param algorithm RSA or EC
     * @return a new key with a certificate naming {@code alias@rights.example.test}
     */
    public static CertifiedKey issue(String alias, KeyAlgorithm algorithm) {
        CertifiedKey key = TestPki.get().root.issue(EmailCertificateSpec.forAddress(alias + "@rights.example.test", algorithm));
        return new CertifiedKey(alias, key.privateKey(), key.chain());
    }
}
