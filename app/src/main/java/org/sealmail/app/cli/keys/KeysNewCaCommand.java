package org.sealmail.app.cli.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.keys.CertificateAuthority;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealmail keys new-ca}: a self-signed test certificate authority. */
@Command(name = "new-ca", mixinStandardHelpOptions = true,
        description = "Create a self-signed test CA: OUT (.p12, key + certificate) and OUT's .pem (certificate to trust).")
public final class KeysNewCaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", defaultValue = "Sealmail Test CA", description = "Subject common name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE.p12", description = "PKCS#12 file to write.")
    Path out;

    @Option(names = "--ec", description = "Use an EC P-256 key instead of RSA 2048.")
    boolean ec;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        KeysNewCommand.refuseToReplace(spec, out);
        CertificateAuthority authority = CertificateAuthority.createRoot(name, ec ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_2048);
        Pkcs12KeyStores.write(out, password.password(), List.of(authority.issuer()));
        Path pem = KeysNewCommand.pemBeside(out);
        CertificateFiles.writePem(pem, List.of(authority.issuer().certificate()));
        spec.commandLine().getOut().printf("CA key: %s%nCA certificate: %s%n", out, pem);
        return 0;
    }
}
