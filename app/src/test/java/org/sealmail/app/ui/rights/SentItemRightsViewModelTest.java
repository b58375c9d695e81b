package org.sealmail.app.ui.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealmail.app.rights.AccessLog;
import org.sealmail.app.rights.MessageStatus;
import org.sealmail.app.rights.RightsServerProblem;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;

/** The sent-item rights dialog's state, without the toolkit. */
class SentItemRightsViewModelTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant OFFLINE_UNTIL = Instant.parse("2026-12-29T10:05:00Z");

    private final List<String> calls = new ArrayList<>();
    private Optional<Instant> revokedAt = Optional.empty();
    private RightsServerProblem failure;

    private final SentItemRights rights = new SentItemRights() {
        @Override
        public SentItemState state(long messageId) {
            calls.add("state " + messageId);
            return current();
        }

        @Override
        public SentItemState revoke(long messageId, Optional<String> reason) {
            calls.add("revoke " + messageId + " " + reason.orElse("-"));
            revokedAt = Optional.of(REGISTERED.plusSeconds(60));
            return current();
        }

        @Override
        public SentItemState changeExpiry(long messageId, Optional<Instant> notAfter) {
            calls.add("expiry " + messageId + " " + notAfter.map(Instant::toString).orElse("never"));
            return current();
        }
    };

    private final SentItemRightsViewModel model = new SentItemRightsViewModel(rights, new SameThreadTaskExecutor(),
            UiText.english());

    private SentItemRights.SentItemState current() {
        if (failure != null) {
            throw failure;
        }
        MessageStatus status = new MessageStatus("cid-1", "alice@example.test", REGISTERED, Optional.empty(), revokedAt,
                revokedAt.map(at -> "wrong list"), false, true, "https://rights.example.test/m/cid-1",
                List.of(new MessageStatus.Recipient("dan@example.test", List.of("VIEW", "REPLY"))));
        AccessLog log = new AccessLog("cid-1", List.of(new AccessLog.Entry(REGISTERED.plusSeconds(30), "dan@example.test",
                "Sealmail/0.1 (Linux)", "api", "granted", "use license issued", Optional.of("dev-1"), Optional.of(OFFLINE_UNTIL))),
                List.of(new AccessLog.OfflineAccess("dan@example.test", "dev-1", OFFLINE_UNTIL)));
        return new SentItemRights.SentItemState(status, log);
    }

    @Test
    void loadingShowsTheStatusAndWhoCanStillReadOffline() {
        model.load(7);

        assertThat(calls).containsExactly("state 7");
        assertThat(model.reportProperty().get()).contains("Revoked: no").contains("Recipient: dan@example.test VIEW, REPLY")
                .contains("dan@example.test on device dev-1 until 2026-12-29T10:05:00Z");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void revokeAndChangeExpiryGoToTheServerAndBadInputDoesNot() {
        model.load(7);
        model.revoke("  wrong list ");
        model.changeExpiry("2027-01-31T00:00:00Z");
        model.changeExpiry("never");
        model.changeExpiry("next tuesday");

        assertThat(calls).containsExactly("state 7", "revoke 7 wrong list", "expiry 7 2027-01-31T00:00:00Z", "expiry 7 never");
        assertThat(model.reportProperty().get()).contains("Revoked: 2026-11-29T10:01:00Z (wrong list)");
        assertThat(model.errorProperty().get()).contains("next tuesday");
    }

    @Test
    void aRefusalIsShownWithItsReason() {
        failure = new RightsServerProblem("NOT_THE_SENDER", 403, "signed by another certificate", Map.of(), null);
        model.load(7);

        assertThat(model.errorProperty().get()).isEqualTo("NOT_THE_SENDER: signed by another certificate");
    }
}
