package org.sealmail.crypto.rights.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.RightsRule;

class ProtectionPolicyTest {

    private static final ProtectionTemplate DNF = ProtectionTemplate.DO_NOT_FORWARD;
    private static final ProtectionTemplate ENCRYPT = ProtectionTemplate.ENCRYPT;

    @Test
    void forwardOfADoNotForwardMessageIsRefused() {
        ResponseProtection forward = ProtectionPolicy.respond(ResponseKind.FORWARD, DNF, DNF.everyone());

        assertThat(forward.decision()).isEqualTo(ResponseProtection.Decision.REFUSED);
        assertThat(forward.template()).isEmpty();
        assertThat(forward.reason()).isEqualTo("the sender's protection 'Do Not Forward' does not allow forwarding (no FORWARD right)");
    }

    @Test
    void repliesStayProtectedWithTheSameTemplateByDefault() {
        for (ResponseKind kind : List.of(ResponseKind.REPLY, ResponseKind.REPLY_ALL)) {
            ResponseProtection reply = ProtectionPolicy.respond(kind, DNF, DNF.everyone());
            assertThat(reply.decision()).as(kind.name()).isEqualTo(ResponseProtection.Decision.PROTECT);
            assertThat(reply.template()).contains(DNF);
        }
        ResponseProtection forward = ProtectionPolicy.respond(ResponseKind.FORWARD, ENCRYPT, ENCRYPT.everyone());
        assertThat(forward.decision()).isEqualTo(ResponseProtection.Decision.PROTECT);
        assertThat(forward.template()).contains(ENCRYPT);
    }

    @Test
    void replyAllNeedsReplyAllAndTheSenderMayDoEverything() {
        assertThat(ProtectionPolicy.respond(ResponseKind.REPLY_ALL, DNF, UsageRights.of(UsageRight.VIEW, UsageRight.REPLY))
                .decision()).isEqualTo(ResponseProtection.Decision.REFUSED);
        assertThat(ProtectionPolicy.respond(ResponseKind.FORWARD, DNF, UsageRights.of(UsageRight.OWNER)).decision())
                .isEqualTo(ResponseProtection.Decision.PROTECT);
    }

    @Test
    void sendingWithoutProtectionIsADowngradeToWarnAbout() {
        ResponseProtection plain = ProtectionPolicy.respondWith(ResponseKind.REPLY, ENCRYPT, ENCRYPT.everyone(), Optional.empty());

        assertThat(plain.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(plain.template()).isEmpty();
        assertThat(plain.reason()).contains("without protection");
    }

    @Test
    void encryptInsteadOfDoNotForwardIsADowngradeNamingTheGainedRights() {
        ResponseProtection weaker = ProtectionPolicy.respondWith(ResponseKind.REPLY, DNF, DNF.everyone(), Optional.of(ENCRYPT));

        assertThat(weaker.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(weaker.template()).contains(ENCRYPT);
        assertThat(weaker.reason()).isEqualTo("'Encrypt' is weaker than the original's 'Do Not Forward': it grants "
                + "EDIT, EXTRACT, PRINT, FORWARD, VIEWRIGHTSDATA, which 'Do Not Forward' withholds");
    }

    @Test
    void doNotForwardInsteadOfEncryptIsStricterAndNeedsNoWarning() {
        ResponseProtection stricter = ProtectionPolicy.respondWith(ResponseKind.FORWARD, ENCRYPT, ENCRYPT.everyone(),
                Optional.of(DNF));

        assertThat(stricter.decision()).isEqualTo(ResponseProtection.Decision.PROTECT);
        assertThat(stricter.template()).contains(DNF);
    }

    @Test
    void droppingAnExpiryOrLengtheningOfflineAccessIsADowngrade() {
        ProtectionTemplate expiring = new ProtectionTemplate("custom:week", "Week", DNF.everyone(), List.of(),
                new Expiry.After(Duration.ofDays(7)), 1);
        ProtectionTemplate rule = new ProtectionTemplate("custom:rule", "Rule", DNF.everyone(),
                List.of(new RightsRule("@partner.example", UsageRights.of(UsageRight.VIEW, UsageRight.PRINT))),
                new Expiry.After(Duration.ofDays(1)), 1);

        ResponseProtection noExpiry = ProtectionPolicy.respondWith(ResponseKind.REPLY, expiring, DNF.everyone(), Optional.of(DNF));
        ResponseProtection printRule = ProtectionPolicy.respondWith(ResponseKind.REPLY, expiring, DNF.everyone(), Optional.of(rule));

        assertThat(noExpiry.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(noExpiry.reason()).contains("it never expires, the original does")
                .contains("it allows 30 days of offline access instead of 1");
        assertThat(printRule.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(printRule.reason()).contains("it grants PRINT");
    }
}
