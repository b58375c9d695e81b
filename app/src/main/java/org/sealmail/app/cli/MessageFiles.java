package org.sealmail.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.security.cert.X509Certificate;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.FileErrors;
import org.sealmail.crypto.keys.CertificateFiles;

/** File reading and writing for the commands, with errors as {@link CryptoException}s that name the file and the reason. */
public final class MessageFiles {

    private MessageFiles() {
    }

    /**
     * @param file a message file
     * @return its bytes
     * @throws CryptoException {@link CryptoFailure#IO} if it cannot be read
     */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "no such file: " + file, e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file the target, replaced if it exists
     * @param bytes the content
     * @throws CryptoException {@link CryptoFailure#IO} if it cannot be written
     */
    public static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write " + file + ": " + FileErrors.writeReason(file, e), e);
        }
    }

    /**
     * @param files PEM or DER certificate files (each may hold several certificates)
     * @return all certificates, in order
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} or {@link CryptoFailure#IO} for an unreadable file
     */
    public static List<X509Certificate> certificates(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.addAll(CertificateFiles.read(file));
        }
        return certificates;
    }
}
