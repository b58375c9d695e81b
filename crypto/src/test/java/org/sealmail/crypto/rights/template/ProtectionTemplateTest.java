package org.sealmail.crypto.rights.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;

class ProtectionTemplateTest {

    @Test
    void encryptGrantsEveryRightExceptExportAndOwner() {
        // issue 5: "every right except EXPORT and OWNER"
        assertThat(ProtectionTemplate.ENCRYPT.everyone().asSet())
                .isEqualTo(EnumSet.complementOf(EnumSet.of(UsageRight.EXPORT, UsageRight.OWNER)));
        assertThat(ProtectionTemplate.ENCRYPT.id()).isEqualTo("encrypt");
        assertThat(ProtectionTemplate.ENCRYPT.expiry()).isEqualTo(Expiry.NEVER);
    }

    @Test
    void doNotForwardGrantsViewReplyAndReplyAllOnly() {
        // issue 5: "Do Not Forward (VIEW, REPLY, REPLYALL: no forward, copy, print, save-as or recipient changes)"
        assertThat(ProtectionTemplate.DO_NOT_FORWARD.everyone().asSet())
                .containsExactly(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL);
        assertThat(ProtectionTemplate.DO_NOT_FORWARD.id()).isEqualTo("do-not-forward");
    }

    @Test
    void anAddressRuleWinsOverADomainRuleWhichWinsOverEveryone() {
        ProtectionTemplate template = new ProtectionTemplate("custom:t", "T", UsageRights.of(UsageRight.VIEW),
                List.of(new RightsRule("@example.org", UsageRights.of(UsageRight.VIEW, UsageRight.REPLY)),
                        new RightsRule("Bob@Example.org", UsageRights.of(UsageRight.VIEW, UsageRight.PRINT))),
                Expiry.NEVER, 0);
        assertThat(template.rightsFor("bob@example.org")).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.PRINT));
        assertThat(template.rightsFor("carol@EXAMPLE.org")).isEqualTo(UsageRights.of(UsageRight.VIEW, UsageRight.REPLY));
        assertThat(template.rightsFor("carol@sub.example.org")).isEqualTo(UsageRights.of(UsageRight.VIEW));
        assertThat(template.rightsFor("dave@example.net")).isEqualTo(UsageRights.of(UsageRight.VIEW));
    }

    @Test
    void expiryIsAbsoluteOrRelativeToProtection() {
        Instant protectedAt = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(Expiry.parse("P30D").notAfter(protectedAt)).contains(Instant.parse("2026-02-04T10:00:00Z"));
        assertThat(Expiry.parse("2030-12-31T23:59:59Z").notAfter(protectedAt)).contains(Instant.parse("2030-12-31T23:59:59Z"));
        assertThat(Expiry.parse("never").notAfter(protectedAt)).isEmpty();
        assertThat(Expiry.parse("PT12H").text()).isEqualTo("PT12H");
    }

    @Test
    void aPeriodBeyondTheLastRepresentableInstantIsBadInputNotACrash() {
        Instant protectedAt = Instant.parse("2026-01-05T10:00:00Z");
        for (String period : new String[] {"PT9223372036854775807S", "P100000000000000D"}) {
            Expiry expiry = Expiry.parse(period);
            assertThatThrownBy(() -> expiry.notAfter(protectedAt)).as(period)
                    .isInstanceOfSatisfying(CryptoException.class,
                            e -> assertThat(e.failure()).isEqualTo(CryptoFailure.MALFORMED_INPUT))
                    .hasMessage("expiry period " + Duration.parse(period) + " after " + protectedAt + " is too long");
        }
    }
}
