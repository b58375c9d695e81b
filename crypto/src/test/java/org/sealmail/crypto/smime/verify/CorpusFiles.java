package org.sealmail.crypto.smime.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.smime.mime.TransferEncodings;

/** Reads the real-world test material copied into src/test/resources (each folder has its SOURCE.md). */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static Path path(String resource) {
        URL url = CorpusFiles.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("test resource missing: " + resource);
        }
        try {
            return Path.of(url.toURI()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String resource) {
        try {
            return Files.readAllBytes(path(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String resource) {
        try {
            return Files.readAllLines(path(resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<X509Certificate> certificates(String... resources) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String resource : resources) {
            certificates.addAll(CertificateFiles.read(path(resource)));
        }
        return certificates;
    }

    /** @return the DER inside the first "-----BEGIN ...-----" block (text before it, as in gnupg's files, is skipped) */
    static byte[] pemBlock(String resource) {
        String text = new String(bytes(resource), StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN");
        int bodyStart = text.indexOf('\n', begin) + 1;
        int end = text.indexOf("-----END", bodyStart);
        return TransferEncodings.decodeBase64(text.substring(bodyStart, end).getBytes(StandardCharsets.ISO_8859_1));
    }
}
