package org.sealmail.app.cli.smime;

import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.decrypt.DecryptionResult;
import org.sealmail.crypto.smime.decrypt.SmimeDecryptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail smime decrypt}: decrypts an S/MIME message (or a PEM/DER CMS file) with any
 * key of the given key stores and writes the inner MIME entity. The output appears only when the
 * whole message decrypted (and, for AES-GCM, authenticated); CBC content is flagged as not
 * integrity protected.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Decrypt an S/MIME message (EnvelopedData or AuthEnvelopedData) and write the inner MIME entity.",
            "Every key of every --key store is tried, so older keys kept after a renewal still open old mail."
                    + " All key stores share the password given with --pass-file/--pass-env."})
public final class SmimeDecryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "A key store (PKCS#12). Repeatable.")
    List<Path> keyStores;

    @Option(names = "--in", required = true, paramLabel = "ENCRYPTED.eml",
            description = "The encrypted message (application/pkcs7-mime), or a PEM or DER CMS file.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PLAIN.eml", description = "Where to write the decrypted MIME entity.")
    Path out;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        char[] pass = password.password();
        List<CertifiedKey> keys = new ArrayList<>();
        Map<CertifiedKey, Path> origin = new IdentityHashMap<>();
        for (Path store : keyStores) {
            for (CertifiedKey key : Pkcs12KeyStores.read(store, pass)) {
                keys.add(key);
                origin.put(key, store);
            }
        }
        DecryptionResult result;
        try (InputStream message = InputFiles.open(in); StagedOutputFile output = StagedOutputFile.create(out)) {
            result = new SmimeDecryptor().decrypt(message, output.stream(), keys);
            output.commit();
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + in + ": " + e.getMessage(), e);
        }
        Path store = keys.stream().filter(key -> key.alias().equals(result.keyAlias())
                && key.certificate().equals(result.certificate())).findFirst().map(origin::get).orElse(null);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Decrypted %s to %s (%d bytes)%n", result.contentType(), out, result.contentBytes());
        console.printf("Content encryption: %s (%s)%n", result.contentEncryption().name(),
                result.integrityProtected() ? "authenticated" : "NOT integrity protected");
        console.printf("Key management: %s%n", result.keyManagement().name());
        console.printf("Recipient: %s, key \"%s\"%s%n", result.recipientIdentifier(), result.keyAlias(),
                store != null ? " from " + store : "");
        if (!result.integrityProtected()) {
            console.println("WARNING: " + result.contentEncryption().name() + " has no integrity protection: the content may"
                    + " have been altered undetected; do not load remote content from it.");
        }
        if (result.contentEncryption().legacy()) {
            console.println("WARNING: " + result.contentEncryption().name() + " is a legacy algorithm (RFC 8551 Appendix B).");
        }
        console.flush();
        return 0;
    }
}
