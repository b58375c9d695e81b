package org.sealmail.app.cli.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.EmailCertificateSpec;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail keys new}: an S/MIME key and certificate (emailProtection, rfc822Name) issued
 * by the CA given with {@code --ca}, or by a new CA of its own written beside the output.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create an S/MIME key and certificate: OUT (.p12) and OUT's .pem (certificate chain to share).")
public final class KeysNewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, description = "The address the certificate is issued to.")
    String email;

    @Option(names = "--name", description = "Subject common name (default: the address).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE.p12", description = "PKCS#12 file to write.")
    Path out;

    @Option(names = "--ca", paramLabel = "CA.p12",
            description = "Issuing CA (from keys new-ca); without it a CA of its own is made as OUT-ca.p12/.pem.")
    Path ca;

    @Option(names = "--ca-pass-file", paramLabel = "FILE", description = "Password file of the CA (default: same as the key's).")
    Path caPassFile;

    @Option(names = "--ec", description = "Use an EC P-256 key instead of RSA 2048.")
    boolean ec;

    @Mixin
    PasswordOptions password;

    /**
     * A key store already at the output path holds a private key that may be the only copy: never
     * replaced.
     *
     * @param spec the command, for the usage error
     * @param file the output path
     * @throws ParameterException if something is there already
     */
    static void refuseToReplace(CommandSpec spec, Path file) {
        if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), file + " exists already and may hold the only copy of a"
                    + " private key: it is not replaced; choose another --out or move it away first");
        }
    }

    @Override
    public Integer call() {
        if (!EmailCertificateSpec.isAddress(email)) {
            throw new ParameterException(spec.commandLine(), "--email: \"" + email + "\" is not an e-mail address (local@domain, ASCII)");
        }
        refuseToReplace(spec, out);
        if (ca == null) {
            refuseToReplace(spec, withSuffix(out, "-ca.p12"));
        }
        char[] pass = password.password();
        CertificateAuthority authority;
        if (ca != null) {
            char[] caPass = caPassFile != null ? PasswordOptions.firstLine(caPassFile, "--ca-pass-file") : pass;
            authority = new CertificateAuthority(Pkcs12KeyStores.read(ca, caPass).get(0));
        } else {
            authority = CertificateAuthority.createRoot("Sealmail CA for " + email, ec ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048);
            Path caOut = withSuffix(out, "-ca.p12");
            Pkcs12KeyStores.write(caOut, pass, List.of(authority.issuer()));
            CertificateFiles.writePem(pemBeside(caOut), List.of(authority.issuer().certificate()));
            spec.commandLine().getOut().printf("CA key: %s%nCA certificate (trust this): %s%n", caOut, pemBeside(caOut));
        }
        EmailCertificateSpec certificateSpec = EmailCertificateSpec.forAddress(email, ec ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048);
        if (name != null) {
            certificateSpec = certificateSpec.withCommonName(name);
        }
        CertifiedKey key = authority.issue(certificateSpec);
        Pkcs12KeyStores.write(out, pass, List.of(key));
        Path pem = pemBeside(out);
        CertificateFiles.writePem(pem, key.chain());
        spec.commandLine().getOut().printf("Key: %s%nCertificate: %s%n", out, pem);
        return 0;
    }

    /** @return the path with its extension replaced by .pem */
    static Path pemBeside(Path p12) {
        return withSuffix(p12, ".pem");
    }

    private static Path withSuffix(Path file, String suffix) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return file.resolveSibling(base + suffix);
    }
}
