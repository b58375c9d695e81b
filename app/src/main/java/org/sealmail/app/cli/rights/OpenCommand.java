package org.sealmail.app.cli.rights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealmail.app.cli.ExitCode;
import org.sealmail.app.cli.PasswordOptions;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.app.cli.mail.MailPasswordOptions;
import org.sealmail.app.cli.mail.MailProfile;
import org.sealmail.app.rights.DeviceKeys;
import org.sealmail.app.rights.MailboxPasscodeReader;
import org.sealmail.app.rights.OnlineLicenseRequester;
import org.sealmail.app.rights.PasscodeSource;
import org.sealmail.app.rights.ProfileRightsSettings;
import org.sealmail.app.rights.RightsServerProblem;
import org.sealmail.app.rights.RightsServerTransport;
import org.sealmail.app.rights.ServerKeyPins;
import org.sealmail.crypto.keys.CertificateFiles;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.Pkcs12KeyStores;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UseLicenseCache;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.crypto.rights.license.PublishingLicense;
import org.sealmail.crypto.rights.message.LicenseSource;
import org.sealmail.crypto.rights.message.OpenResult;
import org.sealmail.crypto.rights.message.ProtectedMessageOpener;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.KeyringSecretStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sealmail open}: opens a protected message with the recipient's (or sender's) key and
 * prints the template, issuer, rights granted and expiry. The content is written with
 * {@code --out} only when the rights include EXTRACT or EXPORT. The use license is cached in the
 * profile's store, encrypted under the store key (DESIGN.md), when the profile's secrets can be
 * opened: the OS keyring, or the password file with {@code --master-pass-file} /
 * {@code SEALMAIL_MASTER_PASSWORD}; a later open is then served from it until its notAfter.
 *
 * <p>Online licensing (docs/rights-server-api.md §4-6): when no RecipientInfo names the key (or no
 * {@code --key} is given) and the message names a rights server, a use license is requested for the
 * licensee ({@code --licensee}, else the account's address, else the key's) and the profile's device key:
 * the one-time passcode is read from the account's own INBOX ({@code --account}; the default when an
 * account is given) or typed on the console ({@code --no-passcode-from-mailbox}).
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open a protected message: show its template, issuer, rights and expiry; --out writes the content "
                + "only if the rights include EXTRACT or EXPORT. Without a matching key, a use license is asked from the "
                + "rights server the message names (one-time passcode).")
public final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "KEY.p12", description = "Your key store (recipient or sender); optional with"
            + " online licensing.")
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

    @Option(names = "--account", paramLabel = "NAME|ADDRESS", description = "Profile account to sign in as at the rights"
            + " server and whose INBOX receives the passcode.")
    String account;

    @Option(names = "--licensee", paramLabel = "ADDRESS", description = "Address to sign in as at the rights server"
            + " (default: the account's, else the key's).")
    String licensee;

    @Option(names = "--passcode-from-mailbox", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Read the rights server's passcode mail from the account's INBOX (default with --account);"
                    + " --no-passcode-from-mailbox asks for it on the console.")
    boolean passcodeFromMailbox;

    @Option(names = "--passcode-wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the passcode mail (default: ${DEFAULT-VALUE}).")
    int passcodeWait;

    @Option(names = "--rights-trust", paramLabel = "CA.pem", description = "CA certificate(s) for the rights server's TLS"
            + " certificate (default: the profile's rights-trust, else the system trust store).")
    Path rightsTrust;

    @ParentCommand
    SealmailCommand root;

    @Mixin
    PasswordOptions password;

    @Override
    public Integer call() {
        Optional<CertifiedKey> device = key == null ? Optional.empty()
                : Optional.of(Pkcs12KeyStores.read(key, password.password()).get(0));
        byte[] message = MessageFiles.read(in);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (device.isEmpty() && account == null && licensee == null) {
            stderr.println("sealmail open: give --key KEY.p12, or --account / --licensee to open through the rights server");
            return ExitCode.USAGE.code();
        }
        MailProfile profile = account == null ? null
                : new MailProfile(root.profileDirectory(), MailPasswordOptions.storedPasswords(masterPassFile));
        Optional<SqliteMailStore> store = Optional.empty();
        try {
            Optional<SecretStore> secrets;
            if (profile != null) {
                store = noCache ? Optional.empty() : Optional.of(profile.store());
                secrets = Optional.of(profile.secrets());
            } else {
                store = noCache ? Optional.empty() : openProfileStore(stderr);
                secrets = store.map(this::secrets);
            }
            UseLicenseCache cache = store.isPresent() ? store.get().useLicenseCache(secrets.orElseThrow())
                    : new InMemoryUseLicenseCache();
            ProtectedMessageOpener opener = opener(device, cache, profile, secrets, stderr);
            return open(opener, message, stdout, stderr);
        } finally {
            if (profile != null) {
                profile.close();
            } else {
                store.ifPresent(SqliteMailStore::close);
            }
        }
    }

    private ProtectedMessageOpener opener(Optional<CertifiedKey> device, UseLicenseCache cache, MailProfile profile,
            Optional<SecretStore> secrets, PrintWriter stderr) {
        Clock clock = Clock.systemUTC();
        Optional<Account> profileAccount = profile == null ? Optional.empty() : Optional.of(profile.account(account));
        Optional<String> address = Optional.ofNullable(licensee)
                .or(() -> profileAccount.flatMap(found -> found.identities().stream().findFirst()).map(identity -> identity.address()))
                .or(() -> device.flatMap(certified -> certified.addresses().stream().findFirst()));
        ProtectedMessageOpener opener = device.map(certified -> new ProtectedMessageOpener(certified, cache, clock))
                .orElse(null);
        if (address.isPresent()) {
            PasscodeSource passcodes = profile != null && passcodeFromMailbox
                    ? new MailboxPasscodeReader(profile.connector(profileAccount.get()), Duration.ofSeconds(passcodeWait),
                            Duration.ofSeconds(1), clock)
                    : OpenCommand::promptPasscode;
            DeviceKey deviceKey = secrets.map(DeviceKeys::loadOrCreate).orElseGet(() -> {
                stderr.println("sealmail open: note: no profile secrets, so a one-time device key is used for this run");
                return DeviceKey.generate();
            });
            Optional<Path> tlsTrust = Optional.ofNullable(rightsTrust).or(() -> ProfileRightsSettings.read(root.profileDirectory())
                    .flatMap(ProfileRightsSettings::trust));
            OnlineLicenseRequester requester = new OnlineLicenseRequester(RightsServerTransport.create(tlsTrust), passcodes,
                    new ServerKeyPins(root.profileDirectory()), clock);
            opener = opener == null ? ProtectedMessageOpener.online(deviceKey, address.get(), requester, cache, clock)
                    : opener.withOnlineLicensing(deviceKey, address.get(), requester);
        }
        if (trust != null) {
            opener = opener.withTrustAnchors(trust.stream().flatMap(file -> CertificateFiles.read(file).stream()).toList());
        }
        return opener;
    }

    private static String promptPasscode(String contentId, String licensee, java.time.Instant expiresAt) {
        java.io.Console console = System.console();
        String prompt = "Passcode mailed to " + licensee + " (valid until " + expiresAt + "): ";
        String line;
        try {
            if (console != null) {
                line = console.readLine("%s", prompt);
            } else {
                System.err.print(prompt);
                System.err.flush();
                line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        } catch (IOException e) {
            throw new RightsServerProblem(PasscodeSource.NOT_FOUND, 0, "cannot read the passcode: " + e.getMessage(), Map.of(), e);
        }
        if (line == null || !line.strip().matches("[0-9]{8}")) {
            throw new RightsServerProblem(PasscodeSource.NOT_FOUND, 0, "no 8-digit passcode was typed", Map.of(), null);
        }
        return line.strip();
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

    private int open(ProtectedMessageOpener opener, byte[] message, PrintWriter stdout, PrintWriter stderr) {
        Clock clock = Clock.systemUTC();
        OpenResult result = opener.open(message);
        stdout.println("Status: " + result.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        result.publishingLicense().ifPresent(license -> describe(license, result, stdout));
        if (!result.opened()) {
            stderr.println("sealmail open: " + result.reason());
            return exitCode(result.status()).code();
        }
        stdout.println("Rights granted: " + result.rights());
        result.source().ifPresent(source -> stdout.println("License: " + switch (source) {
            case CACHED_USE_LICENSE -> "cached use license (no private-key operation)";
            case PRIVATE_KEY -> "derived with your private key";
            case RIGHTS_SERVER -> "issued by the rights server to this device";
        }));
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
        license.rightsServer().ifPresent(server -> stdout.println("Rights server: " + server));
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
            case REVOKED -> ExitCode.REVOKED;
            case UNAVAILABLE -> ExitCode.LICENSE_UNAVAILABLE;
        };
    }
}
