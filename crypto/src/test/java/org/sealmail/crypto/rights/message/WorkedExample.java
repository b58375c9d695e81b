package org.sealmail.crypto.rights.message;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;

/** The files of the worked example in docs/examples/protected-message (made by {@link WorkedExampleGenerator}). */
final class WorkedExample {

    /** The example folder, relative to the crypto module (the tests' working directory). */
    static final Path DIR = Path.of("..", "docs", "examples", "protected-message");

    private WorkedExample() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    /** @return bob's key (unencrypted PKCS#8 PEM) with his certificate */
    static CertifiedKey bob() {
        try (Reader reader = Files.newBufferedReader(file("bob.key.pem")); PEMParser parser = new PEMParser(reader)) {
            PrivateKey key = new JcaPEMKeyConverter().setProvider(CryptoProvider.get())
                    .getPrivateKey((PrivateKeyInfo) parser.readObject());
            return new CertifiedKey("bob", key, List.copyOf(CertificateFiles.read(file("bob.pem"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
