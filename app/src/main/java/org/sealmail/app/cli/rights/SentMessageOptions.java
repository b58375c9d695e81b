package org.sealmail.app.cli.rights;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.app.rights.RightsServerClient;
import org.sealmail.app.rights.RightsServerTransport;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.rights.message.ProtectionHeader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every {@code sealmail rights} command shares: the message (its .eml file, which names the
 * content id and the rights server in {@code X-Sealmail-Protection}, or a content id with
 * {@code --rights-server}), the sender's key ({@code --key} and its password) that signs each request, and
 * the TLS trust for the rights server.
 */
public final class SentMessageOptions {

    private static final Pattern CONTENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "The protected message (.eml) or its content id.")
    String message;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "The sender's key store (the key that"
            + " signed the message).")
    Path key;

    @Option(names = "--rights-server", paramLabel = "URL", description = "The rights server (default: the one the message"
            + " names; required with a content id).")
    URI rightsServer;

    @Option(names = "--rights-trust", paramLabel = "CA.pem", description = "CA certificate(s) for the rights server's TLS"
            + " certificate (default: the system trust store).")
    Path rightsTrust;

    @Mixin
    PasswordOptions password;

    /** @return the content id, from the .eml's protection header or as given */
    String contentId() {
        return target().contentId();
    }

    /** @return a client for the rights server */
    RightsServerClient client() {
        URI server = Optional.ofNullable(rightsServer).or(() -> target().rightsServer()).orElseThrow(() ->
                new IllegalArgumentException(message + " names no rights server: give --rights-server URL"));
        return new RightsServerClient(RightsServerTransport.create(Optional.ofNullable(rightsTrust)), server, Clock.systemUTC());
    }

    /** @return the sender's key */
    CertifiedKey sender() {
        return Pkcs12KeyStores.read(key, password.password()).get(0);
    }

    private ProtectionHeader target() {
        if (CONTENT_ID.matcher(message).matches()) {
            return new ProtectionHeader(message.toLowerCase(java.util.Locale.ROOT), Optional.empty());
        }
        Path file = Path.of(message);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(message + " is neither a content id nor a message file");
        }
        try {
            return ProtectionHeader.read(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(MessageFiles.read(file))));
        } catch (MessagingException e) {
            throw new IllegalArgumentException(message + " is not a MIME message: " + e.getMessage(), e);
        }
    }
}
