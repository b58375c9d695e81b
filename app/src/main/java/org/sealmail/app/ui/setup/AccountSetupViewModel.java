package org.sealmail.app.ui.setup;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.AddressList;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;

/**
 * The account setup wizard: asks name, address and password, runs autoconfiguration, then asks
 * only for the servers it could not find, and creates the account.
 */
public final class AccountSetupViewModel {

    /** The wizard's steps. */
    public enum Step {
        /** Name, address, password. */
        IDENTITY,
        /** Autoconfiguration runs. */
        DISCOVERING,
        /** Confirm found servers; enter the missing ones. */
        SERVERS,
        /** Creating the account and logging in. */
        CREATING,
        /** Done. */
        DONE
    }

    private final AccountSetupService service;
    private final TaskExecutor executor;
    private final UiText text;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty imapHost = new SimpleStringProperty(this, "imapHost", "");
    private final IntegerProperty imapPort = new SimpleIntegerProperty(this, "imapPort", 993);
    private final ObjectProperty<ServerEndpoint.Security> imapSecurity =
            new SimpleObjectProperty<>(this, "imapSecurity", ServerEndpoint.Security.IMPLICIT_TLS);
    private final StringProperty smtpHost = new SimpleStringProperty(this, "smtpHost", "");
    private final IntegerProperty smtpPort = new SimpleIntegerProperty(this, "smtpPort", 465);
    private final ObjectProperty<ServerEndpoint.Security> smtpSecurity =
            new SimpleObjectProperty<>(this, "smtpSecurity", ServerEndpoint.Security.IMPLICIT_TLS);
    private final ReadOnlyBooleanWrapper askImap = new ReadOnlyBooleanWrapper(this, "askImap", true);
    private final ReadOnlyBooleanWrapper askSmtp = new ReadOnlyBooleanWrapper(this, "askSmtp", true);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.IDENTITY);
    private final ReadOnlyStringWrapper found = new ReadOnlyStringWrapper(this, "found", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper untrustedFingerprint = new ReadOnlyStringWrapper(this, "untrustedFingerprint", "");
    private final javafx.beans.property.BooleanProperty trustCertificate =
            new javafx.beans.property.SimpleBooleanProperty(this, "trustCertificate");
    private char[] password = new char[0];

    /**
     * @param service autoconfiguration and account creation (called in the background)
     * @param executor runs background work
     * @param text the UI strings
     */
    public AccountSetupViewModel(AccountSetupService service, TaskExecutor executor, UiText text) {
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * @param typed the password (copied; the caller clears its field)
     */
    public void setPassword(char[] typed) {
        Arrays.fill(password, '\0');
        password = typed.clone();
    }

    /** Step 1 done: checks the address and runs autoconfiguration in the background. */
    public void discover() {
        Optional<String> spec = AddressList.addrSpec(address.get().strip());
        if (name.get().isBlank() || spec.isEmpty()) {
            error.set(text.get(spec.isEmpty() ? "setup.error.address" : "setup.error.name"));
            return;
        }
        if (password.length == 0) {
            error.set(text.get("setup.error.password"));
            return;
        }
        error.set("");
        step.set(Step.DISCOVERING);
        TaskBuilder.create(() -> service.discover(spec.get()))
                .named("autoconfiguration")
                .onSuccess(servers -> {
                    apply(spec.get(), servers);
                    step.set(Step.SERVERS);
                })
                .onAnyError(failure -> {
                    apply(spec.get(), DiscoveredServers.nothing());
                    error.set(text.get("setup.error.discovery", String.valueOf(failure.getMessage())));
                    step.set(Step.SERVERS);
                })
                .runOn(executor);
    }

    private void apply(String spec, DiscoveredServers servers) {
        username.set(servers.username().orElse(spec));
        servers.imap().ifPresent(imap -> {
            imapHost.set(imap.host());
            imapPort.set(imap.port());
            imapSecurity.set(imap.security());
        });
        servers.smtp().ifPresent(smtp -> {
            smtpHost.set(smtp.host());
            smtpPort.set(smtp.port());
            smtpSecurity.set(smtp.security());
        });
        askImap.set(servers.imap().isEmpty());
        askSmtp.set(servers.smtp().isEmpty());
        found.set(servers.imap().isEmpty() && servers.smtp().isEmpty() ? text.get("setup.found.nothing")
                : servers.imap().isPresent() && servers.smtp().isPresent() ? text.get("setup.found.all", servers.source())
                : text.get("setup.found.partial", servers.source()));
    }

    /** Step 2 done: checks the servers and creates the account in the background. */
    public void create() {
        ServerEndpoint imap;
        ServerEndpoint smtp;
        try {
            imap = new ServerEndpoint(imapHost.get().strip(), imapPort.get(), imapSecurity.get());
            smtp = new ServerEndpoint(smtpHost.get().strip(), smtpPort.get(), smtpSecurity.get());
        } catch (IllegalArgumentException e) {
            error.set(text.get("setup.error.server", e.getMessage()));
            return;
        }
        java.util.List<String> pins = trustCertificate.get() && !untrustedFingerprint.get().isEmpty()
                ? java.util.List.of(untrustedFingerprint.get()) : java.util.List.of();
        NewAccount account = new NewAccount(name.get().strip(), AddressList.addrSpec(address.get().strip()).orElseThrow(),
                username.get().strip(), password.clone(), imap, smtp, pins);
        error.set("");
        step.set(Step.CREATING);
        TaskBuilder.create(() -> {
            try {
                service.create(account);
                return null;
            } finally {
                Arrays.fill(account.password(), '\0');
            }
        }).named("create account")
                .onSuccess(done -> {
                    Arrays.fill(password, '\0');
                    step.set(Step.DONE);
                })
                .onAnyError(failure -> {
                    if (failure instanceof UntrustedServerException untrusted) {
                        untrustedFingerprint.set(untrusted.fingerprint());
                        trustCertificate.set(false);
                        error.set(text.get("setup.error.untrusted", untrusted.host(), untrusted.fingerprint()));
                    } else {
                        error.set(text.get("setup.error.create", String.valueOf(failure.getMessage())));
                    }
                    step.set(Step.SERVERS);
                })
                .runOn(executor);
    }

    /** Goes back to the first step. */
    public void back() {
        error.set("");
        step.set(Step.IDENTITY);
    }

    /** Clears the password copy (call when the wizard closes). */
    public void clearSecrets() {
        Arrays.fill(password, '\0');
        password = new char[0];
    }

    /** @return the person's name */
    public StringProperty nameProperty() {
        return name;
    }

    /** @return the e-mail address */
    public StringProperty addressProperty() {
        return address;
    }

    /** @return the login name */
    public StringProperty usernameProperty() {
        return username;
    }

    /** @return the IMAP host */
    public StringProperty imapHostProperty() {
        return imapHost;
    }

    /** @return the IMAP port */
    public IntegerProperty imapPortProperty() {
        return imapPort;
    }

    /** @return the IMAP TLS mode */
    public ObjectProperty<ServerEndpoint.Security> imapSecurityProperty() {
        return imapSecurity;
    }

    /** @return the submission host */
    public StringProperty smtpHostProperty() {
        return smtpHost;
    }

    /** @return the submission port */
    public IntegerProperty smtpPortProperty() {
        return smtpPort;
    }

    /** @return the submission TLS mode */
    public ObjectProperty<ServerEndpoint.Security> smtpSecurityProperty() {
        return smtpSecurity;
    }

    /** @return whether the IMAP server must be asked (autoconfiguration did not find it) */
    public ReadOnlyBooleanProperty askImapProperty() {
        return askImap.getReadOnlyProperty();
    }

    /** @return whether the submission server must be asked */
    public ReadOnlyBooleanProperty askSmtpProperty() {
        return askSmtp.getReadOnlyProperty();
    }

    /** @return the current step */
    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** @return what autoconfiguration found, localized */
    public ReadOnlyStringProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    /**
     * @return the SHA-256 fingerprint of a server certificate the last attempt did not trust, or
     *         empty; the user may accept it with {@link #trustCertificateProperty()} after checking it
     */
    public ReadOnlyStringProperty untrustedFingerprintProperty() {
        return untrustedFingerprint.getReadOnlyProperty();
    }

    /** @return whether the next attempt pins the certificate of {@link #untrustedFingerprintProperty()} */
    public javafx.beans.property.BooleanProperty trustCertificateProperty() {
        return trustCertificate;
    }

    /** @return the last error, localized */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
