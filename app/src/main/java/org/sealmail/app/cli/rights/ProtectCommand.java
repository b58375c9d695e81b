package org.sealmail.app.cli.rights;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import picocli.CommandLine.ParentCommand;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.app.rights.ProfileRightsSettings;
import org.sealmail.app.rights.RightsServerRegistrar;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail protect}: applies Encrypt, Do Not Forward or a custom template to a message
 * (docs/protected-message-format.md). Recipients are the message's To and Cc addresses; each
 * needs a certificate given with {@code --to}. A {@code --to} certificate naming nobody in the
 * headers adds its address to To. A message with Bcc recipients is refused (the publishing
 * license would name them to everyone). With {@code --online}, recipients without a certificate get
 * online grants from the rights server ({@code --rights-server}, else the profile's
 * {@code rights.properties}) and the message is registered there (docs/rights-server-api.md §3).
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

    @Option(names = "--to", paramLabel = "CERT.pem", description = "A recipient's certificate (PEM or DER); repeat per"
            + " recipient (with --online, recipients without one are licensed by the rights server).")
    List<Path> recipientCertificates = new ArrayList<>();

    @Option(names = "--in", required = true, paramLabel = "MSG.eml", description = "The message to protect (RFC 5322).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PROTECTED.eml", description = "Where to write the protected message.")
    Path out;

    @Option(names = "--rights-server", paramLabel = "URL", description = "Rights server page linked from the readable wrapper"
            + " (with --online: the server that licenses and registers).")
    URI rightsServer;

    @Option(names = "--online", description = "Online licensing: license recipients without a certificate through the rights"
            + " server and register the message there.")
    boolean online;

    @Option(names = "--rights-trust", paramLabel = "CA.pem", description = "CA certificate(s) for the rights server's TLS"
            + " certificate (default: the profile's, else the system trust store).")
    Path rightsTrust;

    @Option(names = "--key-service", paramLabel = "URL", description = "With --online: double key encryption with this key"
            + " service (default: the profile's, if any).")
    URI keyService;

    @ParentCommand
    SealmailCommand root;

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
        Optional<RightsServerRegistrar> registrar = Optional.empty();
        if (online) {
            Optional<ProfileRightsSettings> profile = ProfileRightsSettings.read(root.profileDirectory());
            URI server = Optional.ofNullable(rightsServer).or(() -> profile.map(ProfileRightsSettings::rightsServer))
                    .orElseThrow(() -> new IllegalArgumentException("--online needs --rights-server URL (or sealmail account"
                            + " add --rights-server URL)"));
            ProfileRightsSettings settings = new ProfileRightsSettings(server,
                    Optional.ofNullable(rightsTrust).or(() -> profile.flatMap(ProfileRightsSettings::trust)),
                    Optional.ofNullable(keyService).or(() -> profile.flatMap(ProfileRightsSettings::keyService)));
            registrar = Optional.of(RightsServerRegistrar.of(settings, Clock.systemUTC()));
            builder = builder.withOnlineLicensing(registrar.get().licensing());
        } else if (rightsServer != null) {
            builder = builder.withRightsServer(rightsServer);
        }
        ProtectedMessage protectedMessage = builder.protect(message, protection, sender, certificates);
        if (registrar.isPresent()) {
            registrar.get().register(protectedMessage.registration().orElseThrow(), sender);
            spec.commandLine().getOut().printf("Registered with %s%n", rightsServer != null ? rightsServer
                    : protectedMessage.registration().get().rightsServer());
        }
        MessageFiles.write(out, protectedMessage.toBytes());
        List<String> licensees = new ArrayList<>();
        for (RecipientGrant grant : protectedMessage.publishingLicense().grants()) {
            licensees.add(grant.licensee());
        }
        spec.commandLine().getOut().printf("Protected with %s for %s%nContent id: %s%nWrote %s%n", protection.name(),
                String.join(", ", licensees), protectedMessage.publishingLicense().contentId(), out);
        return 0;
    }

    /**
     * @param nameOrFile a built-in template id (any case) or a template file
     * @return the built-in template with that id, else the template read from that file
     * @throws CryptoException {@link CryptoFailure#IO} naming the built-in ids if it is neither
     */
    static ProtectionTemplate template(String nameOrFile) {
        Optional<ProtectionTemplate> builtIn = ProtectionTemplate.builtIn(nameOrFile.toLowerCase(Locale.ROOT));
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new CryptoException(CryptoFailure.IO, "'" + nameOrFile + "' is neither a built-in template ("
                    + String.join(", ", ProtectionTemplate.builtIn().stream().map(ProtectionTemplate::id).toList())
                    + ") nor a template file");
        }
        return ProtectionTemplateFile.read(file);
    }

    /**
     * @param file an RFC 5322 message; header fields may carry UTF-8 (RFC 6532), which is kept as UTF-8
     * @return the parsed message
     * @throws CryptoException {@link CryptoFailure#IO} if it cannot be read, {@link CryptoFailure#MALFORMED_INPUT}
     *     if it is empty or not MIME
     */
    static MimeMessage readMessage(Path file) {
        byte[] bytes = MessageFiles.read(file);
        if (bytes.length == 0) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, file + " is empty: there is no message to protect");
        }
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        try {
            return new MimeMessage(Session.getInstance(properties), new ByteArrayInputStream(bytes));
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
