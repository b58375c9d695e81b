package org.sealmail.app.cli.rights;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail open}: opens a protected message with the recipient's (or sender's) key and
 * prints the template, issuer, rights granted and expiry. The content is written with
 * {@code --out} only when the rights include EXTRACT or EXPORT. Use licenses are cached in
 * memory for the run only (the store's encrypted cache is not wired into the command line yet).
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open a protected message: show its template, issuer, rights and expiry; --out writes the content "
                + "only if the rights include EXTRACT or EXPORT.")
public final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "Your key store (recipient or sender).")
    Path key;

    @Option(names = "--in", required = true, paramLabel = "PROTECTED.eml", description = "The protected message.")
    Path in;

    @Option(names = "--out", paramLabel = "PLAIN.eml", description = "Write the opened message here (needs EXTRACT or EXPORT).")
    Path out;

    @Option(names = "--trust", paramLabel = "ROOT.pem", description = "Trusted root certificate(s) to validate the issuer's certificate.")
    List<Path> trust;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        CertifiedKey device = Pkcs12KeyStores.read(key, password.password()).get(0);
        byte[] message = MessageFiles.read(in);
        Clock clock = Clock.systemUTC();
        ProtectedMessageOpener opener = new ProtectedMessageOpener(device, new InMemoryUseLicenseCache(), clock);
        if (trust != null) {
            opener = opener.withTrustAnchors(trust.stream().flatMap(file -> CertificateFiles.read(file).stream()).toList());
        }
        OpenResult result = opener.open(message);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        stdout.println("Status: " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        result.publishingLicense().ifPresent(license -> describe(license, result, stdout));
        if (!result.opened()) {
            stderr.println("sealmail open: " + result.reason());
            return exitCode(result.status()).code();
        }
        stdout.println("Rights granted: " + result.rights());
        result.notAfter().ifPresent(notAfter -> stdout.println("License valid until: " + notAfter
                + (notAfter.isAfter(clock.instant()) ? "" : " (not cached: each open needs your key)")));
        if (out == null) {
            return ExitCode.OK.code();
        }
        if (!result.rights().allows(UsageRight.EXTRACT) && !result.rights().allows(UsageRight.EXPORT)) {
            stderr.println("sealmail open: the rights granted (" + result.rights()
                    + ") include neither EXTRACT nor EXPORT: the content is not written to " + out);
            return ExitCode.RIGHTS_DENIED.code();
        }
        MessageFiles.write(out, result.content().orElseThrow());
        stdout.println("Wrote " + out);
        return ExitCode.OK.code();
    }

    private static void describe(PublishingLicense license, OpenResult result, PrintWriter stdout) {
        stdout.println("Template: " + license.template().name() + " (" + license.template().id() + ")");
        String trust = result.issuerPath().map(path -> path.trusted() ? " (certificate chain trusted)"
                : " (certificate chain NOT trusted: " + path.problem() + ")")
                .orElse(" (certificate chain not checked: give --trust ROOT.pem)");
        stdout.println("Issuer: " + license.issuer() + trust);
        stdout.println("Expires: " + license.notAfter().map(Object::toString).orElse("never"));
    }

    /**
     * @param status the outcome of an open
     * @return the documented exit code for it
     */
    static ExitCode exitCode(OpenStatus status) {
        return switch (status) {
            case OPENED -> ExitCode.OK;
            case EXPIRED -> ExitCode.EXPIRED;
            case TAMPERED -> ExitCode.TAMPERED;
            case NOT_A_RECIPIENT -> ExitCode.NO_MATCHING_KEY;
            case MALFORMED -> ExitCode.MALFORMED_INPUT;
        };
    }
}
