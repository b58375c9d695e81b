package org.sealmail.app.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.ComposeViewModel;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;

/**
 * Sending through the composer's view-model, the send pipeline and an in-JVM GreenMail: a Do Not
 * Forward message with a Bcc recipient is held and nothing reaches the server. (The full round
 * trip through the desktop client, with copy, print, forward and save refused or allowed, is
 * {@code org.sealmail.app.ui.DesktopRoundTripIT}.)
 */
class ProtectedMailRoundTripIT {

    private static final String BOB = "bob@example.test";
    private static final String ALICE = "alice@example.test";
    private static final String CAROL = "carol@example.test";

    private final TestPki pki = TestPki.get();
    private GreenMailAccounts servers;

    @BeforeEach
    void startServers() {
        servers = new GreenMailAccounts(BOB, ALICE);
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    private Optional<X509Certificate> certificateFor(String address) {
        return address.equals(ALICE) ? Optional.of(pki.alice.certificate())
                : address.equals(BOB) ? Optional.of(pki.bob.certificate())
                : address.equals(CAROL) ? Optional.of(pki.carol.certificate()) : Optional.empty();
    }

    private ComposeViewModel composer() {
        PipelineOutbox outbox = new PipelineOutbox(id -> new SenderIdentity("Bob Example", BOB, Optional.of(pki.bob)),
                id -> new OutgoingMessagePipeline(RuleSetHolder.withoutRulesFile(),
                        address -> certificateFor(address).stream().toList(), servers.outbox(BOB), Clock.systemUTC()),
                Map.of(), Clock.systemUTC());
        CertificateRecipientDirectory directory = new CertificateRecipientDirectory(this::certificateFor,
                (prefix, limit) -> List.of(), Clock.systemUTC());
        return new ComposeViewModel(1, directory, outbox, new InMemoryComposeServices(), DesktopServices.builtInTemplates(),
                new SameThreadTaskExecutor(), UiText.english());
    }

    @Test
    void doNotForwardWithABccRecipientIsHeldAndNothingIsSent() throws Exception {
        ComposeViewModel composer = composer();
        composer.toProperty().set(ALICE);
        composer.bccProperty().set(CAROL);
        composer.subjectProperty().set("Q3 board numbers");
        composer.bodyProperty().set("Board numbers: revenue 4.2M. Keep this between us.");
        composer.doNotForwardProperty().set(true);

        assertThat(composer.send()).isTrue();

        assertThat(composer.stateProperty().get()).isEqualTo(ComposeViewModel.SendState.FAILED);
        assertThat(composer.errorProperty().get()).startsWith("Sending failed: ").contains("Bcc");
        assertThat(servers.inbox(ALICE)).isEmpty();
    }
}
