package org.sealmail.app.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.SendFailure;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.accounts.Identity;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.outbox.OutboxState;
import org.sealmail.policy.rules.Verdict;

/**
 * The composition root loads the profile's rules file ({@code PROFILE/policy/protection.rules}) at
 * start and the composer's outbox applies it before the store's outbox; a file that fails to parse
 * holds every message (nothing reaches the store's outbox).
 */
class DesktopServicesRulesTest {

    @TempDir
    Path profile;

    private long account() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            return store.accounts().add(new Account(0, "Alice", null, null,
                    List.of(new Identity("Alice", "alice@example.test", null, null)), ComposeProtection.NONE)).id();
        }
    }

    private UiServices start(DesktopServices desktop) {
        return desktop.start(new ProfileSecrets(profile).unlock("master password".toCharArray()), UiText.english());
    }

    private List<byte[]> queued() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            return store.outbox().list(OutboxState.QUEUED).stream().map(entry -> store.outbox().raw(entry.id())).toList();
        }
    }

    private static OutgoingMessage message(long account, String reason) {
        return new OutgoingMessage(account, List.of("bob@example.test"), List.of(), List.of(), "Guests",
                "Invite a@x.test, b@x.test and c@x.test.", false, List.of(), ProtectionChoice.NONE, Optional.empty(),
                Optional.ofNullable(reason));
    }

    @Test
    void aRulesFileThatFailsToParseAtStartIsReportedAndHoldsSending() {
        long account = account();
        RulesFixture.write(ProfileRules.location(profile), "rule \"x\"\n  when always\n  then template nonexistent\n");

        try (DesktopServices desktop = DesktopServices.open(profile)) {
            UiServices services = start(desktop);
            RulesStatus status = services.rules().status();
            assertThat(status.sendingHeld()).isTrue();
            assertThat(status.problems()).singleElement().hasToString(ProfileRules.location(profile)
                    + ":3: unknown template 'nonexistent' (known: encrypt, do-not-forward)");
            assertThat(services.outbox().check(message(account, null)).verdict()).isEqualTo(Verdict.HOLD);
            assertThatThrownBy(() -> services.outbox().send(message(account, "because"), progress -> { }))
                    .isInstanceOf(SendFailure.class).hasMessageStartingWith("no rules are in force: "
                            + ProfileRules.location(profile) + " was rejected");
        }
        assertThat(queued()).isEmpty();
    }

    @Test
    void theProfilesRulesApplyToTheComposersSendPathAndAreReloadedAfterASave() {
        long account = account();
        RulesFixture.write(ProfileRules.location(profile), RulesFixture.RULES);

        try (DesktopServices desktop = DesktopServices.open(profile)) {
            UiServices services = start(desktop);
            assertThat(services.rules().status().rulesInForce()).isEqualTo(5);
            assertThatThrownBy(() -> services.outbox().send(message(account, null), progress -> { }))
                    .isInstanceOf(SendFailure.class).satisfies(failure -> assertThat(((SendFailure) failure)
                            .overrideRequired()).isTrue());
            assertThat(queued()).isEmpty();

            assertThat(services.rules().save(RulesFixture.RULES.replace("sensitive email-addresses >= 3",
                    "sensitive email-addresses >= 4")).saved()).isTrue();
            // the rules let it through to the store's outbox; submitting it then needs the account's
            // password, which this test profile does not have: it stays queued for the sync to send
            assertThatThrownBy(() -> services.outbox().send(message(account, null), progress -> { }))
                    .isInstanceOf(SendFailure.class).hasMessageContaining("no stored password for Alice");
        }
        assertThat(queued()).singleElement().satisfies(raw -> assertThat(new String(raw, StandardCharsets.UTF_8))
                .contains("Subject: Guests"));
    }
}
