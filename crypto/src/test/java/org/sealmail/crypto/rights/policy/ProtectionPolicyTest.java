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

    @Test
    void aLaterExpiryIsADowngradeAndAnIncomparableOneIsWarnedAbout() {
        ProtectionTemplate week = new ProtectionTemplate("custom:week", "Week", DNF.everyone(), List.of(),
                new Expiry.After(Duration.ofDays(7)), 1);
        ProtectionTemplate year = new ProtectionTemplate("custom:year", "Year", DNF.everyone(), List.of(),
                new Expiry.After(Duration.ofDays(365)), 1);
        ProtectionTemplate day = new ProtectionTemplate("custom:day", "Day", DNF.everyone(), List.of(),
                new Expiry.After(Duration.ofDays(1)), 1);
        ProtectionTemplate fixed = new ProtectionTemplate("custom:fixed", "Fixed", DNF.everyone(), List.of(),
                new Expiry.At(java.time.Instant.parse("2030-01-01T00:00:00Z")), 1);
        ProtectionTemplate earlier = new ProtectionTemplate("custom:earlier", "Earlier", DNF.everyone(), List.of(),
                new Expiry.At(java.time.Instant.parse("2029-01-01T00:00:00Z")), 1);

        ResponseProtection longer = ProtectionPolicy.respondWith(ResponseKind.REPLY, week, DNF.everyone(), Optional.of(year));
        assertThat(longer.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(longer.reason()).isEqualTo("'Year' is weaker than the original's 'Week': it expires PT8760H after sending, "
                + "the original PT168H after");
        assertThat(ProtectionPolicy.respondWith(ResponseKind.REPLY, week, DNF.everyone(), Optional.of(day)).decision())
                .isEqualTo(ResponseProtection.Decision.PROTECT);
        assertThat(ProtectionPolicy.respondWith(ResponseKind.REPLY, earlier, DNF.everyone(), Optional.of(fixed)).reason())
                .contains("it expires at 2030-01-01T00:00:00Z, the original at 2029-01-01T00:00:00Z");
        assertThat(ProtectionPolicy.respondWith(ResponseKind.REPLY, fixed, DNF.everyone(), Optional.of(earlier)).decision())
                .isEqualTo(ResponseProtection.Decision.PROTECT);
        ResponseProtection mixed = ProtectionPolicy.respondWith(ResponseKind.REPLY, fixed, DNF.everyone(), Optional.of(week));
        assertThat(mixed.decision()).isEqualTo(ResponseProtection.Decision.WARN_DOWNGRADE);
        assertThat(mixed.reason()).contains("its expiry (PT168H after sending) may be later than the original's (2030-01-01T00:00:00Z)");
    }
}
