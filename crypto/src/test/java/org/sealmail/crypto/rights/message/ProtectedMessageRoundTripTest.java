package org.sealmail.crypto.rights.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.rights.InMemoryUseLicenseCache;
import org.sealmail.crypto.rights.MutableClock;
import org.sealmail.crypto.rights.OpenStatus;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;

class ProtectedMessageRoundTripTest {

    private final TestPki pki = TestPki.get();
    private final MutableClock clock = new MutableClock();

    @Test
    void bobOpensAnEncryptMessageWithTheEncryptRights() {
        ProtectedMessage protectedMessage = new ProtectedMessageBuilder(clock).protect(
                TestMessages.message("bob@example.test, erin@example.test"), ProtectionTemplate.ENCRYPT, pki.alice,
                List.of(pki.bob.certificate(), pki.erin.certificate()));
        byte[] wire = protectedMessage.toBytes();

        OpenResult result = new ProtectedMessageOpener(pki.bob, new InMemoryUseLicenseCache(), clock).open(wire);

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.rights()).isEqualTo(ProtectionTemplate.ENCRYPT.everyone());
        assertThat(new String(result.content().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(TestMessages.text("bob@example.test, erin@example.test"));
    }

    @Test
    void erinOpensWithAnEcKey() {
        ProtectedMessage protectedMessage = new ProtectedMessageBuilder(clock).protect(
                TestMessages.message("erin@example.test"), ProtectionTemplate.DO_NOT_FORWARD, pki.alice,
                List.of(pki.erin.certificate()));

        OpenResult result = new ProtectedMessageOpener(pki.erin, new InMemoryUseLicenseCache(), clock)
                .open(protectedMessage.toBytes());

        assertThat(result.status()).as(result.reason()).isEqualTo(OpenStatus.OPENED);
        assertThat(result.rights()).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
    }
}
