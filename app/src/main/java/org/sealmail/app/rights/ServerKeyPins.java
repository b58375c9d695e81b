package org.sealmail.app.rights;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.keys.CertificateFiles;

/**
 * The key certificates of each rights server this profile has fetched over TLS, kept as PEM files in
 * the profile ({@code rights-servers/<host>_<port>.pem}), so that cached server-issued use licenses
 * can be verified offline and a key once seen stays trusted (pinned) when the server is unreachable.
 */
public final class ServerKeyPins {

    private final Path directory;

    /** @param profileDirectory the profile directory */
    public ServerKeyPins(Path profileDirectory) {
        this.directory = profileDirectory.resolve("rights-servers");
    }

    /**
     * @param server the rights server's URL
     * @return its pinned key certificates; empty if none were saved
     */
    public List<X509Certificate> pinned(URI server) {
        Path file = file(server);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return CertificateFiles.read(file);
        } catch (CryptoException e) {
            return List.of();
        }
    }

    /**
     * Saves the keys a server lists, replacing those saved before (retired keys stay listed, so earlier
     * licenses keep verifying; a key the server drops is no longer trusted).
     *
     * @param server the rights server's URL
     * @param keys the certificates it listed over TLS
     * @throws IOException if the file cannot be written
     */
    public void remember(URI server, List<X509Certificate> keys) throws IOException {
        Files.createDirectories(directory);
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : keys) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode a rights-server key certificate: " + e.getMessage(), e);
        }
        Path temporary = Files.createTempFile(directory, "keys", ".tmp");
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file(server), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(URI server) {
        String name = (server.getHost() + "_" + (server.getPort() < 0 ? 443 : server.getPort())).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "_");
        return directory.resolve(name + ".pem");
    }
}
