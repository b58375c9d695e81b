package org.sealmail.crypto.smime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;

/** Loads corpus keys given as PEM (PKCS#1, PKCS#8, SEC1) or DER PKCS#8 with their certificate, from test resources. */
public final class PemKeys {

    private PemKeys() {
    }

    /** @return the bytes of a class-path resource */
    public static byte[] resource(String path) {
        try (InputStream in = PemKeys.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param keyPath resource with the private key (PEM, or DER PKCS#8 when it does not start with "-----")
     * @param certificatePath resource with the certificate (PEM or DER); may be the same file as the key
     * @return the key with its certificate
     */
    public static CertifiedKey load(String keyPath, String certificatePath) {
        byte[] keyBytes = resource(keyPath);
        PrivateKey key;
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProvider.get());
            if (keyBytes.length > 0 && keyBytes[0] == 0x30) {
                key = converter.getPrivateKey(PrivateKeyInfo.getInstance(keyBytes));
            } else {
                key = null;
                try (PEMParser parser = new PEMParser(new InputStreamReader(new java.io.ByteArrayInputStream(keyBytes),
                        StandardCharsets.US_ASCII))) {
                    Object object;
                    while ((object = parser.readObject()) != null && key == null) {
                        if (object instanceof PEMKeyPair pair) {
                            key = converter.getPrivateKey(pair.getPrivateKeyInfo());
                        } else if (object instanceof PrivateKeyInfo info) {
                            key = converter.getPrivateKey(info);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (key == null) {
            throw new IllegalArgumentException("no private key in " + keyPath);
        }
        List<X509Certificate> certificates = CertificateFiles.parse(resource(certificatePath));
        return new CertifiedKey(keyPath, key, List.of(certificates.get(0)));
    }
}
