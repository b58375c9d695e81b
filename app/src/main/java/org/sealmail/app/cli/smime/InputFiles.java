package org.sealmail.app.cli.smime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateFiles;

/** Opening the files the smime commands read. */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param file the input
     * @return a buffered stream
     * @throws CryptoException {@link CryptoFailure#IO} if it cannot be opened
     */
    static InputStream open(Path file) {
        try {
            return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "input file not found: " + file, e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a PEM or DER certificate file, possibly with its chain
     * @return its end-entity certificate (the first that is not a CA), or its first certificate
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if it holds no certificate
     */
    static X509Certificate endEntityCertificate(Path file) {
        List<X509Certificate> certificates = CertificateFiles.read(file);
        return certificates.stream().filter(certificate -> certificate.getBasicConstraints() < 0).findFirst()
                .orElse(certificates.get(0));
    }
}
