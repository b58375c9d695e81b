package org.sealmail.app.cli.smime;

import org.sealmail.app.cli.MessageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.mime.ContentType;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.read.MessageLayer;
import org.sealmail.crypto.smime.read.SmimeMessageReader;
import org.sealmail.crypto.smime.verify.SmimeVerifier;
import org.sealmail.crypto.smime.verify.VerificationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail smime decrypt}: decrypts an S/MIME message (or a PEM/DER CMS file) with any
 * key of the given key stores, unwraps every further layer (signed then encrypted, encrypted
 * then signed, triple-wrapped: RFC 8551 §3.7, RFC 2634 §1.1), prints the layers found in order
 * and writes the innermost MIME entity. The output appears only when every layer decrypted (and,
 * for AES-GCM, authenticated); CBC content is flagged as not integrity protected.
 *
 * <p>Signature layers are verified with {@code --trust}; without it they are reported as present
 * but not checked, except that a signature that does not match its content is reported as bad
 * in any case. When a signature layer is not valid, the content is still written (the user
 * asked for it and it decrypted), the problem is printed, and the command exits with that
 * signature's documented code (10 to 13, 17, 20) instead of 0.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Decrypt an S/MIME message (EnvelopedData or AuthEnvelopedData), unwrap every nested signed or"
                + " encrypted layer, print the layers found (outermost first) and write the innermost MIME entity.",
            "Every key of every --key store is tried, so older keys kept after a renewal still open old mail."
                    + " All key stores share the password given with --pass-file/--pass-env.",
            "Signatures inside or around the encryption are verified with --trust; the content is written even when"
                    + " a signature is not valid, and the exit code is then the signature's (as for smime verify)."})
public final class SmimeDecryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "A key store (PKCS#12). Repeatable.")
    List<Path> keyStores;

    @Option(names = "--in", required = true, paramLabel = "ENCRYPTED.eml",
            description = "The encrypted message (application/pkcs7-mime, possibly signed around), or a PEM or DER CMS file.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PLAIN.eml", description = "Where to write the innermost MIME entity.")
    Path out;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = "Trusted root certificate(s) for the signature layers, PEM or DER; repeatable."
                    + " Without it signatures are reported but not checked.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--cert", paramLabel = "CERTS.pem",
            description = "Extra certificates (signers or intermediates) for signatures that do not carry them; repeatable.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--at", paramLabel = "INSTANT", converter = SmimeVerifyCommand.InstantConverter.class,
            description = "Validation time for signatures instead of now: 2006-09-01T09:00:00Z or 2006-09-01 (UTC).")
    Instant at;

    @Option(names = "--legacy", description = "Accept SHA-1 signatures, MD5/SHA-1-signed certificates and 1024-bit keys.")
    boolean legacy;

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
        SmimeVerifier verifier = new SmimeVerifier(MessageFiles.certificates(trust), MessageFiles.certificates(certificates),
                legacy ? VerificationPolicy.legacy() : VerificationPolicy.modern(), Clock.systemUTC());
        SmimeMessageReader reader = new SmimeMessageReader(keys, verifier);
        List<MessageLayer> layers;
        try (InputStream message = InputFiles.open(in); StagedOutputFile output = StagedOutputFile.create(out)) {
            layers = reader.read(message, output.stream(), at != null ? at : Instant.now());
            if (layers.stream().noneMatch(MessageLayer.Encrypted.class::isInstance)) {
                throw notEncrypted(layers);
            }
            output.commit();
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + in + ": " + e.getMessage(), e);
        }
        LayerReport report = new LayerReport(!trust.isEmpty(), key -> keys.stream()
                .filter(candidate -> candidate.alias().equals(key.keyAlias()) && candidate.certificate().equals(key.certificate()))
                .findFirst().map(origin::get));
        PrintWriter console = spec.commandLine().getOut();
        report.lines(layers).forEach(console::println);
        console.printf("Wrote the innermost MIME entity to %s (%d bytes)%n", out, size(out));
        console.flush();
        LayerReport.Problem problem = report.worstSignature(layers);
        if (problem.exitCode() != ExitCode.OK) {
            spec.commandLine().getErr().println("sealmail decrypt: the content was written to " + out + ", but " + problem.text());
        }
        return problem.exitCode().code();
    }

    /** No encryption layer: name what the input is instead (its Content-Type, or its signatures). */
    private CryptoException notEncrypted(List<MessageLayer> layers) {
        if (!layers.isEmpty()) {
            return new CryptoException(CryptoFailure.MALFORMED_INPUT, "not an encrypted message: it is signed ("
                    + layers.size() + " signature layer" + (layers.size() == 1 ? "" : "s") + ") but not encrypted, so there"
                    + " is nothing to decrypt; use sealmail smime verify");
        }
        ContentType type;
        try (InputStream message = InputFiles.open(in)) {
            type = RawMimeHeaders.read(message).value("Content-Type").map(ContentType::parse).orElse(ContentType.DEFAULT);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + in + ": " + e.getMessage(), e);
        }
        if (type.is("application/pkcs7-mime", "application/x-pkcs7-mime")) {
            return new CryptoException(CryptoFailure.MALFORMED_INPUT, "not an S/MIME encrypted message: "
                    + type.mediaType() + " with smime-type=" + type.parameter("smime-type").orElse("(none)")
                    + " is neither signed nor encrypted data");
        }
        return new CryptoException(CryptoFailure.MALFORMED_INPUT, "not an S/MIME encrypted message: Content-Type is "
                + type.mediaType() + ", expected application/pkcs7-mime (RFC 8551 §3.3)");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CryptoException(CryptoFailure.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
