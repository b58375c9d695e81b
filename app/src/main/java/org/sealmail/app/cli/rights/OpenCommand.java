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
import java.util.Optional;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.app.cli.mail.MailPasswordOptions;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.message.LicenseSource;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.KeyringSecretStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail open}: opens a protected message with the recipient's (or sender's) key and
 * prints the template, issuer, rights granted and expiry. The content is written with
 * {@code --out} only when the rights include EXTRACT or EXPORT. The use license is cached in the
 * profile's store, encrypted under the store key (DESIGN.md), when the profile's secrets can be
 * opened: the OS keyring, or the password file with {@code --master-pass-file} /
 * {@code SEALMAIL_MASTER_PASSWORD}; a later open is then served from it until its notAfter.
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

    @Option(names = "--master-pass-file", paramLabel = "FILE", description = "Master password of the profile's password"
            + " file (default: $" + MailPasswordOptions.MASTER_ENV + "), to cache the use license in the profile's store, encrypted.")
    Path masterPassFile;

    @Option(names = "--no-cache", description = "Neither read nor write the profile's use-license cache.")
    boolean noCache;

    @ParentCommand
    SealmailCommand root;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        CertifiedKey device = Pkcs12KeyStores.read(key, password.password()).get(0);
        byte[] message = MessageFiles.read(in);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<SqliteMailStore> store = noCache ? Optional.empty() : openProfileStore(stderr);
        try {
            UseLicenseCache cache = store.map(opened -> (UseLicenseCache) opened.useLicenseCache(secrets(opened)))
                    .orElseGet(InMemoryUseLicenseCache::new);
            return open(device, message, cache, stdout, stderr);
        } finally {
            store.ifPresent(SqliteMailStore::close);
        }
    }

    /** The profile's store when its secrets can be opened without asking; empty (with a note) otherwise. */
    private Optional<SqliteMailStore> openProfileStore(PrintWriter stderr) {
        if (masterPassword().isEmpty() && KeyringSecretStore.probe(root.profileDirectory()).isEmpty()) {
            stderr.println("sealmail open: note: the use license is not cached (no OS keyring; give --master-pass-file"
                    + " FILE or set " + MailPasswordOptions.MASTER_ENV + " to cache it in the profile, encrypted)");
            return Optional.empty();
        }
        return Optional.of(SqliteMailStore.open(root.profileDirectory()));
    }

    private SecretStore secrets(SqliteMailStore store) {
        Optional<char[]> master = masterPassword();
        if (master.isPresent()) {
            return PasswordFileSecretStore.open(store.profileDirectory().resolve(PasswordFileSecretStore.FILE_NAME), master.get());
        }
        return KeyringSecretStore.probe(store.profileDirectory()).orElseThrow();
    }

    private Optional<char[]> masterPassword() {
        if (masterPassFile != null) {
            return Optional.of(PasswordOptions.firstLine(masterPassFile, "--master-pass-file"));
        }
        return Optional.ofNullable(System.getenv(MailPasswordOptions.MASTER_ENV)).map(String::toCharArray);
    }

    private int open(CertifiedKey device, byte[] message, UseLicenseCache cache, PrintWriter stdout, PrintWriter stderr) {
        Clock clock = Clock.systemUTC();
        ProtectedMessageOpener opener = new ProtectedMessageOpener(device, cache, clock);
        if (trust != null) {
            opener = opener.withTrustAnchors(trust.stream().flatMap(file -> CertificateFiles.read(file).stream()).toList());
        }
        OpenResult result = opener.open(message);
        stdout.println("Status: " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        result.publishingLicense().ifPresent(license -> describe(license, result, stdout));
        if (!result.opened()) {
            stderr.println("sealmail open: " + result.reason());
            return exitCode(result.status()).code();
        }
        stdout.println("Rights granted: " + result.rights());
        result.source().ifPresent(source -> stdout.println("License: " + (source == LicenseSource.CACHED_USE_LICENSE
                ? "cached use license (no private-key operation)" : "derived with your private key")));
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
