package org.sealmail.app.cli.smime;

import org.sealmail.app.cli.MessageFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.smime.mime.RawMimeHeaders;
import org.sealmail.crypto.smime.sign.DigestAlgorithm;
import org.sealmail.crypto.smime.sign.RsaSignatureScheme;
import org.sealmail.crypto.smime.sign.SignatureFormat;
import org.sealmail.crypto.smime.sign.SigningOptions;
import org.sealmail.crypto.smime.sign.SmimeSigner;
import org.sealmail.crypto.smime.verify.SigningCertificateChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail smime sign}: signs an RFC 5322 message with the key of a PKCS#12 file, as a
 * detached multipart/signed (default) or opaque signed-data (RFC 8551 §3.5).
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a message (RFC 8551): detached multipart/signed by default, opaque with --opaque.",
            "The message's headers stay; its MIME entity is canonicalised (CRLF, 7-bit-safe encodings) and signed.",
            "The key's certificate must be valid now, allow e-mail signing and name the From (and Sender) address;"
                + " otherwise nothing is signed and the exit code is 21."})
public final class SmimeSignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "PKCS#12 file with the signer's key and chain.")
    Path key;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Key store entry to use (default: the first key).")
    String alias;

    @Option(names = "--in", required = true, paramLabel = "MSG.eml", description = "Message to sign.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "SIGNED.eml", description = "Where to write the signed message.")
    Path out;

    @Option(names = "--opaque", description = "Opaque application/pkcs7-mime signed-data instead of multipart/signed.")
    boolean opaque;

    @Option(names = "--digest", paramLabel = "ALG",
            description = "sha256, sha384 or sha512 (default: sha256; sha384 for P-384 keys, sha512 for P-521).")
    String digest;

    @Option(names = "--pss", description = "Sign with RSASSA-PSS instead of RSASSA-PKCS1-v1_5 (RSA keys).")
    boolean pss;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        SigningOptions options = SigningOptions.defaults()
                .withFormat(opaque ? SignatureFormat.OPAQUE : SignatureFormat.DETACHED)
                .withRsaScheme(pss ? RsaSignatureScheme.PSS : RsaSignatureScheme.PKCS1_V1_5);
        if (digest != null) {
            options = options.withDigest(DigestAlgorithm.fromName(digest));
        }
        CertifiedKey signer = select(Pkcs12KeyStores.read(key, password.password()));
        if (pss && !"RSA".equalsIgnoreCase(signer.privateKey().getAlgorithm())) {
            throw new CryptoException(CryptoFailure.UNSUPPORTED_ALGORITHM,
                    "--pss needs an RSA key; the key of " + signer.alias() + " is " + signer.privateKey().getAlgorithm());
        }
        byte[] message = MessageFiles.read(in);
        refuseUnfitCertificate(signer, message);
        byte[] signed = new SmimeSigner().sign(message, signer, options);
        MessageFiles.write(out, signed);
        spec.commandLine().getOut().printf("Signed by %s (%s) -> %s%n",
                String.join(", ", signer.addresses()), opaque ? "opaque signed-data" : "multipart/signed", out);
        return 0;
    }

    /**
     * Refuses to sign with a certificate that recipients would reject (RFC 8550 §3, §4.4): one
     * that is expired or not yet valid, not for signing or e-mail protection, too weak, or that
     * does not name every From and Sender address of the message.
     */
    private void refuseUnfitCertificate(CertifiedKey signer, byte[] message) {
        String certificate = "the certificate of " + key + " (" + signer.certificate().getSubjectX500Principal().getName() + ")";
        List<String> problems = SigningCertificateChecker.problemsForSigning(signer.certificate(), Instant.now());
        if (!problems.isEmpty()) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, certificate + " cannot sign e-mail: "
                    + String.join("; ", problems));
        }
        List<String> named = signer.addresses();
        if (named.isEmpty()) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, certificate + " names no e-mail address, so recipients"
                    + " cannot match it to the sender");
        }
        RawMimeHeaders headers = RawMimeHeaders.read(new ByteArrayInputStream(message));
        List<String> unmatched = MessageAddresses.of(headers, "From", "Sender").stream()
                .filter(address -> !named.contains(address)).toList();
        if (!unmatched.isEmpty()) {
            throw new CryptoException(CryptoFailure.CERTIFICATE, certificate + " names " + String.join(", ", named)
                    + " but not " + String.join(", ", unmatched) + " (From/Sender of " + in + "): recipients would see"
                    + " an address mismatch; sign with a key issued to that address");
        }
    }

    private CertifiedKey select(List<CertifiedKey> keys) {
        if (alias == null) {
            return keys.get(0);
        }
        return keys.stream().filter(candidate -> candidate.alias().equalsIgnoreCase(alias)).findFirst()
                .orElseThrow(() -> new CryptoException(CryptoFailure.KEY_STORE, "no key with alias \"" + alias + "\" in "
                        + key + " (it holds: " + String.join(", ", keys.stream().map(CertifiedKey::alias).toList()) + ")"));
    }
}
