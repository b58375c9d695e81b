package org.sealmail.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.sealmail.crypto.CryptoProvider;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.FileErrors;

/** Reads and writes X.509 certificates as PEM (RFC 7468) or DER files. */
public final class CertificateFiles {

    private CertificateFiles() {
    }

    /**
     * Reads every certificate in a PEM file (one or more blocks) or a DER file (one certificate).
     *
     * @param file the file
     * @return the certificates in file order, never empty
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if the file holds no readable certificate,
     *     {@link CryptoFailure#IO} if it cannot be read
     */
    public static List<X509Certificate> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "certificate file not found: " + file, e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read certificate file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(bytes);
        } catch (CryptoException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses PEM or DER certificate bytes.
     *
     * @param bytes PEM text (one or more CERTIFICATE blocks; other blocks such as keys are skipped) or DER
     * @return the certificates, never empty
     * @throws CryptoException {@link CryptoFailure#CERTIFICATE} if no certificate can be read
     */
    public static List<X509Certificate> parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "empty input, expected a PEM or DER certificate");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return parsePem(text);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> parsed =
                    factory.generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> certificates = new ArrayList<>();
            for (java.security.cert.Certificate certificate : parsed) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new CryptoException(CryptoFailure.CERTIFICATE, "no certificate found (expected PEM or DER)");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(CryptoProvider.get());
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, "no CERTIFICATE block in the PEM input");
        }
        return List.copyOf(certificates);
    }

    /**
     * @param certificates certificates to encode
     * @return PEM text with one CERTIFICATE block per certificate
     */
    public static String toPem(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        writePem(out, certificates);
        return out.toString();
    }

    /**
     * Writes certificates as PEM.
     *
     * @param file the target file, replaced if it exists
     * @param certificates the certificates
     * @throws CryptoException {@link CryptoFailure#IO} if the file cannot be written
     */
    public static void writePem(Path file, List<X509Certificate> certificates) {
        try {
            Files.writeString(file, toPem(certificates), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write " + file + ": " + FileErrors.writeReason(file, e), e);
        }
    }

    private static void writePem(Writer out, List<X509Certificate> certificates) {
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                pem.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot encode certificate as PEM", e);
        }
    }
}
