package org.sealmail.app.ui.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.mail.AccountRegistration;
import org.sealmail.app.mail.AccountTransport;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.setup.NewAccount;
import org.sealmail.app.ui.setup.ServerEndpoint;
import org.sealmail.app.ui.setup.UntrustedServerException;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ServerRole;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.PasswordFileSecretStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.mailstore.testing.TestGreenMail;
import org.sealmail.mailstore.testing.TestServerTls;
import org.sealmail.mailstore.tls.CertificateFingerprint;

/**
 * The setup wizard's service against an in-JVM GreenMail over implicit TLS (server certificate
 * from the test CA, which the platform does not trust): the untrusted certificate is refused with
 * the SHA-256 fingerprint of the certificate GreenMail presents; pinning that fingerprint creates
 * the account with its password in the password file; a wrong password saves nothing.
 */
class StoreAccountSetupServiceTest {

    @TempDir
    Path profile;

    private TestGreenMail servers;
    private SqliteMailStore store;
    private SecretStore secrets;
    private final List<Account> created = new ArrayList<>();
    private StoreAccountSetupService service;
    private Thread.UncaughtExceptionHandler previousHandler;

    @BeforeEach
    void open() {
        // GreenMail's connection thread dies with "Can not handle IMAP connection" when the client
        // refuses its certificate, as it should here; keep that expected noise away from the
        // handler TestFX installs (it would fail the next JavaFX test in this JVM).
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            boolean refusedHandshake = failure instanceof IllegalStateException
                    && String.valueOf(failure.getMessage()).startsWith("Can not handle IMAP connection");
            if (!refusedHandshake && previousHandler != null) {
                previousHandler.uncaughtException(thread, failure);
            }
        });
        servers = new TestGreenMail();
        store = SqliteMailStore.open(profile);
        secrets = PasswordFileSecretStore.open(profile.resolve(PasswordFileSecretStore.FILE_NAME), "master".toCharArray());
        service = new StoreAccountSetupService(store, secrets, new AccountTransport(store, Clock.systemUTC()),
                AccountRegistration.discovery(), created::add, UiText.english());
    }

    @AfterEach
    void close() {
        store.close();
        servers.close();
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    private NewAccount alice(String password, List<String> pins) {
        return new NewAccount("Alice Example", "alice@example.test", "alice@example.test", password.toCharArray(),
                new ServerEndpoint("127.0.0.1", servers.imapsPort(), ServerEndpoint.Security.IMPLICIT_TLS),
                new ServerEndpoint("127.0.0.1", servers.smtpsPort(), ServerEndpoint.Security.IMPLICIT_TLS), pins);
    }

    @Test
    void anUntrustedServerCertificateIsRefusedWithItsFingerprintAndNothingIsSaved() {
        String expected = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());

        assertThatThrownBy(() -> service.create(alice(TestGreenMail.PASSWORD, List.of())))
                .isInstanceOfSatisfying(UntrustedServerException.class, e -> {
                    assertThat(e.fingerprint()).isEqualTo(expected);
                    assertThat(e.host()).isEqualTo("127.0.0.1");
                });
        assertThat(store.accounts().list()).isEmpty();
        assertThat(created).isEmpty();
    }

    @Test
    void pinningTheCheckedFingerprintCreatesTheAccountWithItsPasswordInTheSecretStore() {
        String pin = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());

        service.create(alice(TestGreenMail.PASSWORD, List.of(pin)));

        assertThat(store.accounts().list()).hasSize(1);
        Account account = store.accounts().list().get(0);
        assertThat(account.identities().get(0).address()).isEqualTo("alice@example.test");
        assertThat(account.identities().get(0).displayName()).isEqualTo("Alice Example");
        assertThat(account.imap().port()).isEqualTo(servers.imapsPort());
        assertThat(new AccountPasswords(secrets).password(account.id(), ServerRole.SMTP)).hasValueSatisfying(
                password -> assertThat(new String(password)).isEqualTo(TestGreenMail.PASSWORD));
        assertThat(new AccountTransport(store, Clock.systemUTC()).trust().trust(account.id()).pinnedFingerprints())
                .containsExactly(CertificateFingerprint.normalize(pin));
        assertThat(created).extracting(Account::id).containsExactly(account.id());
    }

    @Test
    void aRejectedLoginSaysSoAndSavesNothing() {
        String pin = CertificateFingerprint.sha256(TestServerTls.get().localhost().certificate());

        assertThatThrownBy(() -> service.create(alice("wrong password", List.of(pin))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("alice@example.test");
        assertThat(store.accounts().list()).isEmpty();
    }
}
