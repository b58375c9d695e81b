package org.sealmail.app.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.RecipientReadiness.Status;
import org.sealmail.crypto.testing.TestPki;

/** Recipient readiness with and without online licensing (docs/rights-server-api.md §3). */
class CertificateRecipientDirectoryTest {

    private static final ProtectionChoice ENCRYPT = new ProtectionChoice(Optional.of(ProtectionChoice.ENCRYPT), false, false);
    private static final ProtectionChoice SMIME = new ProtectionChoice(Optional.empty(), false, true);

    private final TestPki pki = TestPki.get();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final CertificateRecipientDirectory certificatesOnly = new CertificateRecipientDirectory(
            address -> address.equals("bob@example.test") ? Optional.of(pki.bob.certificate()) : Optional.empty(),
            (prefix, limit) -> List.of(), Clock.systemUTC());
    private final CertificateRecipientDirectory online = certificatesOnly.withOnlineLicensing(serverAnswers::get);

    @Test
    void withoutOnlineLicensingARecipientWithoutCertificateIsNotReady() {
        assertThat(certificatesOnly.readiness("dan@example.test", ENCRYPT).status()).isEqualTo(Status.NO_CERTIFICATE);
        assertThat(certificatesOnly.readiness("bob@example.test", ENCRYPT).status()).isEqualTo(Status.READY);
    }

    @Test
    void withOnlineLicensingARecipientWithoutCertificateIsReadyWhenTheRightsServerAnswers() {
        assertThat(online.readiness("dan@example.test", ENCRYPT).status()).isEqualTo(Status.READY);
        serverAnswers.set(false);
        assertThat(online.readiness("dan@example.test", ENCRYPT).status()).isEqualTo(Status.RIGHTS_SERVER_UNAVAILABLE);
        assertThat(online.readiness("bob@example.test", ENCRYPT).status()).as("a certificate needs no server")
                .isEqualTo(Status.READY);
    }

    @Test
    void smimeEncryptionStillNeedsACertificate() {
        assertThat(online.readiness("dan@example.test", SMIME).status()).isEqualTo(Status.NO_CERTIFICATE);
    }
}
