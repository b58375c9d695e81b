package org.sealmail.app.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;

class AccountSetupViewModelTest {

    private DiscoveredServers discovered = DiscoveredServers.nothing();
    private final List<NewAccount> created = new ArrayList<>();
    private final List<String> passwordsSeen = new ArrayList<>();
    private RuntimeException createFailure;
    private final AccountSetupViewModel model = new AccountSetupViewModel(new AccountSetupService() {
        @Override
        public DiscoveredServers discover(String address) {
            return discovered;
        }

        @Override
        public void create(NewAccount account) {
            passwordsSeen.add(new String(account.password()));
            if (createFailure != null) {
                throw createFailure;
            }
            created.add(account);
        }
    }, new SameThreadTaskExecutor(), UiText.english());

    private void identity() {
        model.nameProperty().set("Bob Example");
        model.addressProperty().set("bob@example.org");
        model.setPassword("pw".toCharArray());
    }

    @Test
    void asksOnlyForTheServerAutoconfigurationDidNotFind() {
        discovered = new DiscoveredServers(Optional.of(new ServerEndpoint("imap.example.org", 993,
                ServerEndpoint.Security.IMPLICIT_TLS)), Optional.empty(), Optional.of("bob"), "autoconfig.example.org");
        identity();

        model.discover();

        assertThat(model.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.SERVERS);
        assertThat(model.askImapProperty().get()).isFalse();
        assertThat(model.askSmtpProperty().get()).isTrue();
        assertThat(model.imapHostProperty().get()).isEqualTo("imap.example.org");
        assertThat(model.usernameProperty().get()).isEqualTo("bob");
        assertThat(model.foundProperty().get()).isEqualTo("Found some servers (autoconfig.example.org); please enter the others.");

        model.smtpHostProperty().set("smtp.example.org");
        model.smtpPortProperty().set(587);
        model.smtpSecurityProperty().set(ServerEndpoint.Security.STARTTLS);
        model.create();

        assertThat(model.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.DONE);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).smtp()).isEqualTo(new ServerEndpoint("smtp.example.org", 587, ServerEndpoint.Security.STARTTLS));
        assertThat(passwordsSeen).containsExactly("pw");
        assertThat(created.get(0).password()).as("the copy handed over is wiped after use").containsOnly('\0');
    }

    @Test
    void rejectsAMissingNameAnInvalidAddressAndAnEmptyPassword() {
        model.addressProperty().set("bob@example.org");
        model.setPassword("pw".toCharArray());
        model.discover();
        assertThat(model.errorProperty().get()).isEqualTo("Please enter your name.");

        model.nameProperty().set("Bob");
        model.addressProperty().set("bob at example");
        model.discover();
        assertThat(model.errorProperty().get()).isEqualTo("Please enter a valid e-mail address (name@example.org).");

        model.addressProperty().set("bob@example.org");
        model.setPassword(new char[0]);
        model.discover();
        assertThat(model.errorProperty().get()).isEqualTo("Please enter your password.");
        assertThat(model.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.IDENTITY);
    }

    @Test
    void aFailedLoginReturnsToTheServersWithTheReason() {
        identity();
        model.discover();
        assertThat(model.foundProperty().get()).isEqualTo("The servers could not be found automatically; please enter them.");
        model.imapHostProperty().set("imap.example.org");
        model.smtpHostProperty().set("smtp.example.org");
        createFailure = new IllegalStateException("authentication failed (535)");

        model.create();

        assertThat(model.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.SERVERS);
        assertThat(model.errorProperty().get()).isEqualTo("The account could not be created: authentication failed (535)");
    }

    @Test
    void aBlankHostIsRefusedBeforeAnythingIsCreated() {
        identity();
        model.discover();

        model.create();

        assertThat(model.errorProperty().get()).isEqualTo("Please check the server settings: host is blank");
        assertThat(created).isEmpty();
    }

    @Test
    void anUntrustedServerCertificateShowsItsFingerprintAndIsPinnedOnlyAfterTheUserAccepts() {
        String fingerprint = "AB:CD:" + "00:".repeat(29) + "EF";
        discovered = new DiscoveredServers(Optional.of(new ServerEndpoint("imap.example.org", 993,
                ServerEndpoint.Security.IMPLICIT_TLS)), Optional.of(new ServerEndpoint("smtp.example.org", 465,
                ServerEndpoint.Security.IMPLICIT_TLS)), Optional.empty(), "DNS service records");
        identity();
        model.discover();
        createFailure = new UntrustedServerException("imap.example.org", fingerprint, null);

        model.create();

        assertThat(model.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.SERVERS);
        assertThat(model.untrustedFingerprintProperty().get()).isEqualTo(fingerprint);
        assertThat(model.errorProperty().get()).isEqualTo("The certificate of imap.example.org is not trusted. Compare its "
                + "SHA-256 fingerprint with the one your provider publishes:\n" + fingerprint);
        createFailure = null;

        model.setPassword("pw".toCharArray());
        model.create();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).pinnedFingerprints()).as("not accepted: nothing pinned").isEmpty();

        created.clear();
        model.trustCertificateProperty().set(true);
        model.setPassword("pw".toCharArray());
        model.create();
        assertThat(created.get(0).pinnedFingerprints()).containsExactly(fingerprint);
    }
}
