package org.sealmail.app.cli.smime;

import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertificateAddresses;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.encrypt.ContentEncryption;
import org.sealmail.crypto.smime.encrypt.EncryptionOptions;
import org.sealmail.crypto.smime.encrypt.EncryptionRecipient;
import org.sealmail.crypto.smime.encrypt.EncryptionResult;
import org.sealmail.crypto.smime.encrypt.KeyTransport;
import org.sealmail.crypto.smime.encrypt.SmimeEncryptor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail smime encrypt}: encrypts a message for the certificates given with
 * {@code --to} and for the sender (RFC 8551 §3.3). Every To, Cc and Bcc address of the message
 * needs a certificate (from {@code --to}, or the sender's own); if one lacks it nothing is
 * written and the command exits 18 naming them.
 */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypt a message (RFC 5322 file) for its recipients and the sender.",
            "AES-256-GCM (AuthEnvelopedData) by default: certificates given as files carry no SMIMECapabilities, and"
                    + " RFC 8551 requires receivers to read AES-GCM. Use --cbc for old readers (EnvelopedData, no integrity"
                    + " protection). RSA recipients get RSA-OAEP SHA-256 (--rsa-pkcs1 for PKCS#1 v1.5), EC recipients ECDH.",
            "The sender is always a recipient (to read the sent copy): give your certificate with --from-cert or your key"
                    + " store with --key.",
            "Every To, Cc and Bcc address of the message needs a certificate among --to (or the sender's); otherwise"
                    + " nothing is encrypted and the exit code is 18."})
public final class SmimeEncryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "CERT.pem",
            description = "A recipient's certificate (PEM or DER; a chain file is fine). Repeat for each recipient.")
    List<Path> to;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SenderCertificate sender;

    /** Where the sender's own certificate comes from. */
    static final class SenderCertificate {
        @Option(names = "--from-cert", paramLabel = "CERT.pem", description = "Your own certificate (the sender's).")
        Path certificate;

        @Option(names = "--key", paramLabel = "KEY.p12",
                description = "Your own key store; only its certificate is used (password: --pass-file/--pass-env).")
        Path keyStore;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ContentChoice content;

    /** The content-encryption override. */
    static final class ContentChoice {
        @Option(names = "--gcm", description = "Force AES-256-GCM in AuthEnvelopedData (the default).")
        boolean gcm;

        @Option(names = "--cbc", description = "Use AES-256-CBC in EnvelopedData, for readers without AES-GCM.")
        boolean cbc;
    }

    @Option(names = "--rsa-pkcs1", description = "RSA PKCS#1 v1.5 key transport instead of RSA-OAEP (SHA-256).")
    boolean rsaPkcs1;

    @Option(names = "--in", required = true, paramLabel = "MESSAGE.eml", description = "The message to encrypt.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "ENCRYPTED.eml", description = "Where to write the encrypted message.")
    Path out;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        RawMimeHeaders headers;
        try (InputStream message = InputFiles.open(in)) {
            headers = RawMimeHeaders.read(message);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + in + ": " + e.getMessage(), e);
        }
        X509Certificate senderCertificate = senderCertificate(headers);
        String senderAddress = firstAddress(headers).orElseGet(() -> describe(senderCertificate));
        List<EncryptionRecipient> recipients = recipients(headers, senderCertificate);
        EncryptionOptions options = new EncryptionOptions(
                content == null ? null : content.cbc ? ContentEncryption.AES_256_CBC : ContentEncryption.AES_256_GCM,
                rsaPkcs1 ? KeyTransport.RSA_PKCS1_V1_5 : KeyTransport.RSA_OAEP_SHA256);

        EncryptionResult result;
        try (InputStream message = InputFiles.open(in); StagedOutputFile output = StagedOutputFile.create(out)) {
            result = new SmimeEncryptor().encrypt(message, output.stream(), recipients,
                    EncryptionRecipient.of(senderAddress, senderCertificate), options);
            output.commit();
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + in + ": " + e.getMessage(), e);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Encrypted with %s (%s) to %s for:%n", result.contentEncryption().displayName(),
                result.contentEncryption().authenticated() ? "AuthEnvelopedData" : "EnvelopedData, not integrity protected", out);
        for (EncryptionResult.EncryptedFor recipient : result.recipients()) {
            console.printf("  %s (%s)%n", recipient.address(), recipient.keyManagement());
        }
        console.flush();
        return 0;
    }

    private X509Certificate senderCertificate(RawMimeHeaders headers) {
        if (sender == null) {
            throw new CryptoException(CryptoFailure.RECIPIENT_CERTIFICATE_MISSING, "no certificate for the sender"
                    + firstAddress(headers).map(address -> " " + address).orElse("")
                    + ": Sealmail always encrypts for the sender too, so that the sent copy stays readable;"
                    + " give your certificate with --from-cert CERT.pem or your key store with --key KEY.p12");
        }
        if (sender.certificate != null) {
            return InputFiles.endEntityCertificate(sender.certificate);
        }
        List<CertifiedKey> keys = Pkcs12KeyStores.read(sender.keyStore, password.password());
        Optional<String> from = firstAddress(headers);
        return keys.stream().filter(key -> from.isPresent() && CertificateAddresses.matches(key.certificate(), from.get()))
                .findFirst().orElse(keys.get(0)).certificate();
    }

    /**
     * Every To/Cc/Bcc address with the --to (or sender) certificate naming it, or none; then the
     * --to certificates that name no address of the message, as further recipients.
     */
    private List<EncryptionRecipient> recipients(RawMimeHeaders headers, X509Certificate senderCertificate) {
        Map<Path, X509Certificate> given = new LinkedHashMap<>();
        for (Path file : to) {
            given.put(file, InputFiles.endEntityCertificate(file));
        }
        List<X509Certificate> used = new ArrayList<>();
        List<EncryptionRecipient> recipients = new ArrayList<>();
        for (String address : MessageAddresses.of(headers, "To", "Cc", "Bcc")) {
            X509Certificate certificate = given.values().stream()
                    .filter(candidate -> CertificateAddresses.matches(candidate, address)).findFirst()
                    .orElse(CertificateAddresses.matches(senderCertificate, address) ? senderCertificate : null);
            if (certificate != null) {
                used.add(certificate);
            }
            recipients.add(EncryptionRecipient.of(address, certificate));
        }
        for (X509Certificate certificate : given.values()) {
            if (!used.contains(certificate)) {
                used.add(certificate);
                recipients.add(EncryptionRecipient.of(describe(certificate), certificate));
            }
        }
        return recipients;
    }

    private static Optional<String> firstAddress(RawMimeHeaders headers) {
        try {
            return MessageAddresses.of(headers, "From").stream().findFirst();
        } catch (CryptoException e) {
            return Optional.empty();
        }
    }

    private static String describe(X509Certificate certificate) {
        List<String> addresses = CertificateAddresses.of(certificate);
        return addresses.isEmpty() ? certificate.getSubjectX500Principal().getName() : addresses.get(0);
    }
}
