package org.sealmail.crypto.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sealmail.crypto.CryptoException;

class UsageRightsTest {

    @Test
    void theVocabularyIsRmsInRmsOrder() {
        // RMS usage rights as listed in the issue and DESIGN.md
        assertThat(UsageRights.of(UsageRight.values()).toString())
                .isEqualTo("VIEW, EDIT, EXTRACT, EXPORT, PRINT, FORWARD, REPLY, REPLYALL, OWNER, VIEWRIGHTSDATA");
    }

    @Test
    void parsesAListIgnoringCaseAndBlanks() {
        assertThat(UsageRights.parse(" view , Reply,REPLYALL ")).isEqualTo(
                UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));
        assertThat(UsageRights.parse("")).isEqualTo(UsageRights.none());
    }

    @Test
    void refusesUnknownAndRepeatedRights() {
        assertThatThrownBy(() -> UsageRights.parse("VIEW, COPY")).isInstanceOf(CryptoException.class)
                .hasMessageContaining("unknown usage right 'COPY'").hasMessageContaining("VIEWRIGHTSDATA");
        assertThatThrownBy(() -> UsageRights.parse("VIEW, view")).hasMessageContaining("VIEW is listed twice");
        assertThatThrownBy(() -> UsageRights.parse("VIEW,,PRINT")).hasMessageContaining("empty right name");
    }

    @Test
    void ownerAllowsEveryRightWithoutContainingIt() {
        UsageRights owner = UsageRights.of(UsageRight.OWNER);
        for (UsageRight right : UsageRight.values()) {
            assertThat(owner.allows(right)).as(right.name()).isTrue();
        }
        assertThat(owner.contains(UsageRight.PRINT)).isFalse();
        assertThat(UsageRights.of(UsageRight.VIEW).allows(UsageRight.PRINT)).isFalse();
    }

    @Test
    void inMemoryCacheFindsByContentIdAndLicenseeIgnoringCaseAndDropsExpired() {
        InMemoryUseLicenseCache cache = new InMemoryUseLicenseCache();
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        cache.put(new CachedUseLicense("c1", "bob@example.test", now.plus(Duration.ofDays(1)), new byte[] {1}));
        cache.put(new CachedUseLicense("c2", "bob@example.test", now.minusSeconds(1), new byte[] {2}));
        assertThat(cache.find("c1", "Bob@Example.TEST")).map(CachedUseLicense::encoded).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(1));
        assertThat(cache.find("c1", "carol@example.test")).isEmpty();
        assertThat(cache.removeExpired(now)).isEqualTo(1);
        assertThat(cache.find("c2", "bob@example.test")).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
    }
}
