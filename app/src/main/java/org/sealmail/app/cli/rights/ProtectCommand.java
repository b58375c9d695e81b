package org.sealmail.app.cli.rights;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.rights.license.RecipientGrant;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.ProtectionTemplateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail protect}: applies Encrypt, Do Not Forward or a custom template to a message
 * (docs/protected-message-format.md). Recipients are the message's To, Cc and Bcc addresses;
 * each needs a certificate given with {@code --to}. A {@code --to} certificate naming nobody in
 * the headers adds its address to To.
 */
@Command(name = "protect", mixinStandardHelpOptions = true,
        description = "Protect a message with Encrypt, Do Not Forward or a template file (rights-protected message).")
public final class ProtectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--template", required = true, paramLabel = "encrypt|do-not-forward|FILE",
            description = "Built-in template (encrypt, do-not-forward) or a template file.")
    String template;

    @Option(names = "--key", required = true, paramLabel = "SENDER.p12", description = "The sender's key store; its certificate must name From.")
    Path key;

    @Option(names = "--to", required = true, paramLabel = "CERT.pem", description = "A recipient's certificate (PEM or DER); repeat per recipient.")
    List<Path> recipientCertificates;

    @Option(names = "--in", required = true, paramLabel = "MSG.eml", description = "The message to protect (RFC 5322).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PROTECTED.eml", description = "Where to write the protected message.")
    Path out;

    @Option(names = "--rights-server", paramLabel = "URL", description = "Rights server page linked from the readable wrapper.")
    URI rightsServer;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        ProtectionTemplate protection = template(template);
        CertifiedKey sender = Pkcs12KeyStores.read(key, password.password()).get(0);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : recipientCertificates) {
            certificates.addAll(CertificateFiles.read(file));
        }
        MimeMessage message = readMessage(in);
        addUnlistedRecipients(message, certificates, sender);
        ProtectedMessageBuilder builder = new ProtectedMessageBuilder(Clock.systemUTC());
        if (rightsServer != null) {
            builder = builder.withRightsServer(rightsServer);
        }
        ProtectedMessage protectedMessage = builder.protect(message, protection, sender, certificates);
        try {
            Files.write(out, protectedMessage.toBytes());
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot write " + out + ": " + e.getMessage(), e);
        }
        List<String> licensees = new ArrayList<>();
        for (RecipientGrant grant : protectedMessage.publishingLicense().grants()) {
            licensees.add(grant.licensee());
        }
        spec.commandLine().getOut().printf("Protected with %s for %s%nContent id: %s%nWrote %s%n", protection.name(),
                String.join(", ", licensees), protectedMessage.publishingLicense().contentId(), out);
        return 0;
    }

    /** @return the built-in template with that id, else the template read from that file */
    static ProtectionTemplate template(String nameOrFile) {
        return ProtectionTemplate.builtIn(nameOrFile.toLowerCase(Locale.ROOT))
                .orElseGet(() -> ProtectionTemplateFile.read(Path.of(nameOrFile)));
    }

    static MimeMessage readMessage(Path file) {
        try (InputStream stream = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), stream);
        } catch (NoSuchFileException e) {
            throw new CryptoException(CryptoFailure.IO, "message file not found: " + file, e);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, file + " is not a MIME message: " + e.getMessage(), e);
        }
    }

    private static void addUnlistedRecipients(MimeMessage message, List<X509Certificate> certificates, CertifiedKey sender) {
        try {
            List<String> listed = new ArrayList<>();
            Address[] recipients = message.getAllRecipients();
            if (recipients != null) {
                for (Address address : recipients) {
                    if (address instanceof InternetAddress internet) {
                        listed.add(internet.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (X509Certificate certificate : certificates) {
                List<String> addresses = CertificateAddresses.of(certificate);
                if (!addresses.isEmpty() && addresses.stream().noneMatch(listed::contains)
                        && addresses.stream().noneMatch(sender.addresses()::contains)) {
                    message.addRecipient(Message.RecipientType.TO, new InternetAddress(addresses.get(0)));
                    listed.add(addresses.get(0));
                }
            }
        } catch (MessagingException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "cannot read the recipients of the message: " + e.getMessage(), e);
        }
    }
}
